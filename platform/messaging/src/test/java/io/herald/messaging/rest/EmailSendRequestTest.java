package io.herald.messaging.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.people.api.IdType;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailSendRequestTest {

  private static JsonObject json(String text) {
    return Jsons.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  private static List<String> problems(String body) {
    try {
      EmailSendRequest.parse(json(body));
    } catch (InvalidMessageException e) {
      return e.problems();
    }
    throw new AssertionError("accepted: " + body);
  }

  @Test
  void readsWhatCustomerIoClientsSend() {
    EmailSend send =
        EmailSendRequest.parse(
            json(
                "{'transactional_message_id':3,'identifiers':{'id':'42'},'to':'Ada <a@x.io>',"
                    + "'message_data':{'order':{'id':7,'items':['a','b']},'paid':true,'total':9.5},"
                    + "'headers':{'X-Tag':'t'},'attachments':{'a.txt':'aGVsbG8='},"
                    + "'send_at':1700000000,'queue_draft':false,'send_to_unsubscribed':false,"
                    + "'disable_message_retention':true,'tracked':true,'language':'fr'}"));

    assertThat(send.transactionalMessageId()).isEqualTo("3");
    assertThat(send.identifiers().type()).isEqualTo(IdType.ID);
    assertThat(send.identifiers().value()).isEqualTo("42");
    assertThat(send.to()).isEqualTo("Ada <a@x.io>");
    assertThat(send.messageData())
        .containsEntry("paid", true)
        .containsEntry("total", 9.5)
        .containsEntry("order", Map.of("id", 7L, "items", List.of("a", "b")));
    assertThat(send.headers()).containsEntry("X-Tag", "t");
    assertThat(send.attachments()).hasSize(1);
    assertThat(new String(send.attachments().get(0).content(), StandardCharsets.UTF_8))
        .isEqualTo("hello");
    assertThat(send.sendAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(send.sendToUnsubscribed()).isFalse();
    assertThat(send.disableMessageRetention()).isTrue();
    assertThat(send.queueDraft()).isFalse();
  }

  @Test
  void triggerNamesAndEmailIdentifiersWork() {
    EmailSend send =
        EmailSendRequest.parse(
            json("{'transactional_message_id':'welcome','identifiers':{'email':'a@x.io'}}"));

    assertThat(send.transactionalMessageId()).isEqualTo("welcome");
    assertThat(send.identifiers().type()).isEqualTo(IdType.EMAIL);
    assertThat(send.sendToUnsubscribed()).isNull();
  }

  @Test
  void inlineContentNeedsFromSubjectAndBody() {
    assertThat(problems("{'identifiers':{'id':'1'},'subject':'s'}"))
        .containsExactlyInAnyOrder(
            "from is required when no transactional_message_id names a template",
            "body is required when no transactional_message_id names a template");
  }

  @Test
  void everyBadFieldIsNamed() {
    assertThat(
            problems(
                "{'identifiers':{'id':'1','email':'x'},'transactional_message_id':1.5,"
                    + "'message_data':[],'headers':{'Bad Header':'x','X-N':1},"
                    + "'attachments':{'../etc':'aGk=','b.pdf':'%%%'},'send_at':'soon',"
                    + "'queue_draft':'yes','bcc':['b@x.io'],'cc':'a@x.io, nope','fake_bcc':1,"
                    + "'body_amp':'<html amp>'}"))
        .contains(
            "identifiers must have exactly one of id, email, cio_id",
            "transactional_message_id must be a string or an integer",
            "message_data must be an object",
            "headers.X-N must be a string",
            "headers.Bad Header is not a valid header name",
            "attachments.../etc must be a file name without a path",
            "attachments.b.pdf must be base64",
            "send_at must be an integer",
            "queue_draft must be true or false",
            "bcc must be a string",
            "cc address 2 is not a valid email address (use a@b.c or Name <a@b.c>, comma-separated)",
            "fake_bcc must be true or false",
            "body_amp is not supported by Herald yet");
  }

  @Test
  void identifiersAreRequired() {
    assertThat(problems("{'transactional_message_id':1}"))
        .containsExactly("identifiers is required: {\"id\": …}, {\"email\": …} or {\"cio_id\": …}");
    assertThatThrownBy(() -> EmailSendRequest.parse(json("{'identifiers':'42'}")))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("identifiers must be an object");
  }

  @Test
  void ccAndBccAreCommaSeparatedAddresses() {
    EmailSend send =
        EmailSendRequest.parse(
            json(
                "{'transactional_message_id':1,'identifiers':{'id':'1'},"
                    + "'cc':'Boss <boss@x.io>, \\\"Doe, Jane\\\" <jane@x.io>','bcc':' audit@x.io ',"
                    + "'fake_bcc':true}"));

    assertThat(send.cc()).containsExactly("Boss <boss@x.io>", "\"Doe, Jane\" <jane@x.io>");
    assertThat(send.bcc()).containsExactly("audit@x.io");
    assertThat(send.fakeBcc()).isTrue();

    EmailSend plain =
        EmailSendRequest.parse(
            json("{'transactional_message_id':1,'identifiers':{'id':'1'},'cc':'','bcc':null}"));
    assertThat(plain.cc()).isEmpty();
    assertThat(plain.bcc()).isEmpty();
    assertThat(plain.fakeBcc()).isFalse();
  }

  @Test
  void malformedCopyAddressesAreRefusedNamingTheField() {
    for (String bad :
        List.of(
            "a@x.io,",
            "a@x.io b@x.io",
            "<a@x.io",
            "Name <a@x.io> trailing",
            "a@localhost",
            "a@x.io\\r\\nBcc: c@x.io",
            "Evil <a@x.io>, <b@x.io>\\n")) {
      assertThat(
              problems(
                  "{'transactional_message_id':1,'identifiers':{'id':'1'},'bcc':'"
                      + bad.replace("'", "\\'")
                      + "'}"))
          .as(bad)
          .singleElement()
          .asString()
          .startsWith("bcc address ");
    }
    String many = String.join(",", java.util.Collections.nCopies(51, "a@x.io"));
    assertThat(
            problems("{'transactional_message_id':1,'identifiers':{'id':'1'},'cc':'" + many + "'}"))
        .containsExactly("cc names more than 50 addresses");
  }
}
