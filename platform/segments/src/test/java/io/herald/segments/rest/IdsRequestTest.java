package io.herald.segments.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class IdsRequestTest {

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  @Test
  void readsTheSdkBody() {
    IdsRequest.Parsed parsed =
        IdsRequest.parse(json("{\"ids\":[\"CUSTOMER_ID\",\"CUSTOMER_ID_2\"]}"), IdType.ID);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.request().refs())
        .containsExactly(
            new PersonRef(IdType.ID, "CUSTOMER_ID"), new PersonRef(IdType.ID, "CUSTOMER_ID_2"));
  }

  @Test
  void numericIdsAreIdsAndCioPrefixesAreDropped() {
    assertThat(IdsRequest.parse(json("{\"ids\":[42,\" 7 \"]}"), IdType.ID).request().refs())
        .containsExactly(new PersonRef(IdType.ID, "42"), new PersonRef(IdType.ID, "7"));
    assertThat(
            IdsRequest.parse(json("{\"ids\":[\"cio_abc\",\"def\"]}"), IdType.CIO_ID)
                .request()
                .refs())
        .containsExactly(new PersonRef(IdType.CIO_ID, "abc"), new PersonRef(IdType.CIO_ID, "def"));
    assertThat(IdsRequest.parse(json("{\"ids\":[42]}"), IdType.EMAIL).problems())
        .containsExactly("ids[0] must be a string");
  }

  @Test
  void refusesWrongShapesAndTypes() {
    assertThat(IdsRequest.parse(json("[]"), IdType.ID).problems())
        .containsExactly("request body must be a JSON object: {\"ids\":[…]}");
    assertThat(IdsRequest.parse(json("{}"), IdType.ID).problems())
        .containsExactly("ids is required: an array of 1 to 1000 identifiers");
    assertThat(IdsRequest.parse(json("{\"ids\":\"a\"}"), IdType.ID).problems())
        .containsExactly("ids must be an array of strings");
    assertThat(IdsRequest.parse(json("{\"ids\":[]}"), IdType.ID).problems())
        .containsExactly("ids must hold 1 to 1000 identifiers");
    assertThat(IdsRequest.parse(json("{\"ids\":[\"a\",true,{},1.5]}"), IdType.ID).problems())
        .containsExactly(
            "ids[1] must be a string", "ids[2] must be a string", "ids[3] must be a string");
  }

  @Test
  void takesAtMostAThousandIds() {
    StringBuilder body = new StringBuilder("{\"ids\":[");
    for (int i = 0; i < 1000; i++) {
      body.append(i == 0 ? "" : ",").append('"').append(i).append('"');
    }
    assertThat(IdsRequest.parse(json(body + "]}"), IdType.ID).request().refs()).hasSize(1000);
    assertThat(IdsRequest.parse(json(body + ",\"x\"]}"), IdType.ID).problems())
        .containsExactly("ids holds 1001 identifiers; the limit is 1000 per request");
  }
}
