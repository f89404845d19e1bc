package io.herald.journeys.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.journeys.api.ApiTrigger;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.Json;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import org.junit.jupiter.api.Test;

class TriggerRequestTest {

  private static ApiTrigger parse(String json) {
    return TriggerRequest.parse(Json.object(json));
  }

  @Test
  void readsCustomerIosAudienceForms() {
    ApiTrigger ids = parse("{'data':{'coupon':'X'},'ids':['1',2],'id_ignore_missing':true}");
    assertThat(ids.data().getString("coupon")).isEqualTo("X");
    assertThat(ids.people())
        .extracting(ApiTrigger.Recipient::ref)
        .containsExactly(new PersonRef(IdType.ID, "1"), new PersonRef(IdType.ID, "2"));
    assertThat(ids.ignoreMissing()).isTrue();

    ApiTrigger emails = parse("{'emails':['a@x.io']}");
    assertThat(emails.people().get(0).ref()).isEqualTo(new PersonRef(IdType.EMAIL, "a@x.io"));
    assertThat(emails.ignoreMissing()).isFalse();

    ApiTrigger perUser = parse("{'per_user_data':[{'id':'1','data':{'n':1}},{'email':'b@x.io'}]}");
    assertThat(perUser.people().get(0).data().getInt("n")).isEqualTo(1);
    assertThat(perUser.people().get(1).data()).isNull();

    assertThat(parse("{'recipients':{'segment':{'id':7}}}").segmentId()).isEqualTo(7L);
  }

  @Test
  void refusesWhatItCannotDoNamingTheField() {
    assertRefused("{}", "exactly one of recipients, ids, emails, per_user_data is required");
    assertRefused("{'ids':['1'],'emails':['a@b.c']}", "; got ids, emails");
    assertRefused("{'ids':[]}", "ids: must be a non-empty array");
    assertRefused("{'ids':[{}]}", "ids[0]: must be a string or whole number");
    assertRefused("{'emails':[5]}", "emails[0]: must be a string");
    assertRefused("{'ids':['1'],'data':'x'}", "data: must be an object");
    assertRefused(
        "{'ids':['1'],'id_ignore_missing':'yes'}", "id_ignore_missing: must be true or false");
    assertRefused(
        "{'recipients':{'and':[{'attribute':{'field':'plan','operator':'eq','value':'pro'}}]}}",
        "recipients: only {\"segment\":{\"id\":N}} is supported");
    assertRefused("{'data_file_url':'https://x.test/u.json'}", "data_file_url: not supported");
    assertRefused("{'ids':['1'],'colour':1}", "colour: unknown field");
    assertRefused(
        "{'per_user_data':[{'id':'1','email':'a@b.c'}]}",
        "per_user_data[0]: needs exactly one of id, email");
  }

  private static void assertRefused(String json, String fragment) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(InvalidJourneyException.class)
        .hasMessageContaining(fragment);
  }
}
