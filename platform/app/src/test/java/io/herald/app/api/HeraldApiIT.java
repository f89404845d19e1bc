package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.assertV1Error;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The public APIs end to end: the OpenAPI document against the server, bootstrap credentials and
 * the three auth families, the Track identify and App attributes round trip with Customer.io's
 * semantics and limits, and bad input. Runs twice: on the embedded MariaDB, and on the
 * MariaDB/MySQL server at 127.0.0.1:3306 when one is reachable (skipped with the reason otherwise).
 */
class HeraldApiIT extends ContainerTest {

  // ---- API description ------------------------------------------------------------------

  @Test
  void everyOperationInTheOpenApiDocumentIsServedAsDocumented() {
    assertThat(new OpenApiContract(http()).checkEveryOperation()).isGreaterThanOrEqualTo(3);
  }

  // ---- authentication ---------------------------------------------------------------------

  @Test
  void bootstrapCredentialsOpenEachFamily() {
    String id = unique("boot");
    assertThat(http().put("api/v1/customers/" + id, Http.track(), "{\"plan\":\"pro\"}").status())
        .isEqualTo(200);
    assertThat(http().get("v1/customers/" + id + "/attributes", Http.app()).status())
        .isEqualTo(200);
    assertThat(
            http().post("v1/batch", Http.basic(ItConfig.writeKey(), ""), "{\"batch\":[]}").status())
        .isEqualTo(200);
  }

  @Test
  void wrongOrMissingCredentialsGet401InTheFamilysShape() {
    Answer track =
        http().put("api/v1/customers/x", Http.basic(ItConfig.siteId(), "wrong-key-000000"), "{}");
    assertThat(track.status()).isEqualTo(401);
    assertThat(track.json().at("/meta/errors/0").asText()).contains("Unauthorized");

    Answer trackMissing = http().put("api/v1/customers/x", null, "{}");
    assertThat(trackMissing.status()).isEqualTo(401);
    assertThat(trackMissing.raw().headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

    // A Track key used as an App key, and an App key over Basic, are both refused.
    Answer app = http().get("v1/customers/x/attributes", Http.bearer(ItConfig.trackApiKey()));
    assertThat(app.status()).isEqualTo(401);
    assertThat(app.json().at("/meta/error").asText()).contains("invalid");
    assertThat(http().get("v1/plugins", Http.basic(ItConfig.appApiKey(), "")).status())
        .isEqualTo(401);

    Answer pipelines = http().post("v1/batch", Http.basic("not-a-write-key", ""), "{}");
    assertThat(pipelines.status()).isEqualTo(401);
    assertThat(pipelines.json().at("/errors/0/reason").asText()).isEqualTo("unauthorized");

    // Unknown paths behind a family still need its credential: 401 before 404.
    assertThat(http().get("api/v1/no-such-thing", null).status()).isEqualTo(401);
  }

  // ---- identify and read back -------------------------------------------------------------

  @Test
  void identifyThenReadBackInCustomerIoShape() {
    String id = unique("cust");
    String body =
        "{\"email\":\"Person."
            + id
            + "@Example.com\",\"created_at\":1700000000,\"first_name\":\"Ada\","
            + "\"plan\":\"basic\",\"age\":42,\"vip\":true,\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"Oslo\"}}";
    Answer put = http().put("api/v1/customers/" + id, Http.track(), body);
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body()).isEqualTo("{}");

    JsonNode customer =
        http().get("v1/customers/" + id + "/attributes", Http.app()).json().path("customer");
    assertThat(customer.path("id").asText()).isEqualTo(id);
    assertThat(customer.at("/identifiers/id").asText()).isEqualTo(id);
    assertThat(customer.at("/identifiers/email").asText())
        .isEqualTo("Person." + id + "@Example.com");
    assertThat(customer.at("/identifiers/cio_id").asText()).isNotBlank();
    JsonNode attributes = customer.path("attributes");
    assertThat(attributes.path("first_name").asText()).isEqualTo("Ada");
    assertThat(attributes.path("age").asInt()).isEqualTo(42);
    assertThat(attributes.path("vip").asBoolean()).isTrue();
    assertThat(attributes.path("tags").get(1).asText()).isEqualTo("b");
    assertThat(attributes.at("/address/city").asText()).isEqualTo("Oslo");
    assertThat(attributes.path("created_at").asLong()).isEqualTo(1700000000L);
    assertThat(customer.path("timestamps").path("plan").asLong())
        .isBetween(
            Instant.now().minusSeconds(120).getEpochSecond(),
            Instant.now().plusSeconds(5).getEpochSecond());
    assertThat(customer.path("unsubscribed").asBoolean()).isFalse();
    assertThat(customer.path("devices").isArray()).isTrue();

    // email is case-insensitive, by path and by id_type
    String emailPath = "person." + id + "%40example.COM";
    assertThat(
            http()
                .put("api/v1/customers/" + emailPath, Http.track(), "{\"plan\":\"pro\"}")
                .status())
        .isEqualTo(200);
    JsonNode byEmail =
        http().get("v1/customers/" + emailPath + "/attributes?id_type=email", Http.app()).json();
    assertThat(byEmail.at("/customer/id").asText()).isEqualTo(id);
    assertThat(byEmail.at("/customer/attributes/plan").asText()).isEqualTo("pro");
    // Addressing the person by a differently-cased email does not rewrite their email.
    assertThat(byEmail.at("/customer/identifiers/email").asText())
        .isEqualTo("Person." + id + "@Example.com");
  }

  @Test
  void nullOrEmptyRemovesAnAttribute() {
    String id = unique("rm");
    http().put("api/v1/customers/" + id, Http.track(), "{\"a\":1,\"b\":2,\"c\":3}");
    http().put("api/v1/customers/" + id, Http.track(), "{\"a\":null,\"b\":\"\"}");
    JsonNode customer =
        http().get("v1/customers/" + id + "/attributes", Http.app()).json().path("customer");
    assertThat(customer.path("attributes").has("a")).isFalse();
    assertThat(customer.path("attributes").has("b")).isFalse();
    assertThat(customer.path("timestamps").has("a")).isFalse();
    assertThat(customer.at("/attributes/c").asInt()).isEqualTo(3);
  }

  @Test
  void updateOnlyNeverCreates() {
    String id = unique("upd");
    assertThat(
            http()
                .put("api/v1/customers/" + id, Http.track(), "{\"_update\":true,\"plan\":\"x\"}")
                .status())
        .isEqualTo(200);
    assertThat(http().get("v1/customers/" + id + "/attributes", Http.app()).status())
        .isEqualTo(404);
    http().put("api/v1/customers/" + id, Http.track(), "{\"plan\":\"x\"}");
    http().put("api/v1/customers/" + id, Http.track(), "{\"_update\":true,\"plan\":\"y\"}");
    JsonNode attributes =
        http()
            .get("v1/customers/" + id + "/attributes", Http.app())
            .json()
            .at("/customer/attributes");
    assertThat(attributes.path("plan").asText()).isEqualTo("y");
    assertThat(attributes.has("_update")).isFalse();
  }

  @Test
  void identifiersAreAssignedAndReassignedLikeCustomerIo() {
    String email = unique("mail") + "@example.com";
    // Known only by email: identifying by a new id with that email assigns the id to the person.
    http().put("api/v1/customers/" + email.replace("@", "%40"), Http.track(), "{\"plan\":\"a\"}");
    String id = unique("assigned");
    http()
        .put("api/v1/customers/" + id, Http.track(), "{\"email\":\"" + email.toUpperCase() + "\"}");
    JsonNode person =
        http().get("v1/customers/" + id + "/attributes", Http.app()).json().path("customer");
    assertThat(person.at("/attributes/plan").asText()).isEqualTo("a");
    String cioId = person.at("/identifiers/cio_id").asText();

    // cio_ prefix: update identifiers by cio_id.
    String newId = unique("renamed");
    assertThat(
            http()
                .put("api/v1/customers/cio_" + cioId, Http.track(), "{\"id\":\"" + newId + "\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            http()
                .get("v1/customers/" + newId + "/attributes", Http.app())
                .json()
                .at("/customer/identifiers/cio_id")
                .asText())
        .isEqualTo(cioId);
    assertThat(http().get("v1/customers/" + id + "/attributes", Http.app()).status())
        .isEqualTo(404);
    assertThat(
            http().get("v1/customers/" + cioId + "/attributes?id_type=cio_id", Http.app()).status())
        .isEqualTo(200);

    // Conflict: another person's email is not taken over (200, nothing written).
    String other = unique("other");
    http().put("api/v1/customers/" + other, Http.track(), "{\"plan\":\"b\"}");
    assertThat(
            http()
                .put(
                    "api/v1/customers/" + other,
                    Http.track(),
                    "{\"email\":\"" + email + "\",\"plan\":\"c\"}")
                .status())
        .isEqualTo(200);
    JsonNode unchanged =
        http().get("v1/customers/" + other + "/attributes", Http.app()).json().path("customer");
    assertThat(unchanged.at("/attributes/plan").asText()).isEqualTo("b");
    assertThat(unchanged.at("/identifiers/email").isMissingNode()).isTrue();

    // An unknown cio_id is dropped, not created.
    assertThat(
            http()
                .put("api/v1/customers/cio_ffffffffffffffff", Http.track(), "{\"plan\":\"z\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            http()
                .get("v1/customers/ffffffffffffffff/attributes?id_type=cio_id", Http.app())
                .status())
        .isEqualTo(404);
  }

  @Test
  void urlEncodedIdentifiersRoundTrip() {
    String id = "team/" + unique("a b");
    String encoded = id.replace("/", "%2F").replace(" ", "%20");
    assertThat(http().put("api/v1/customers/" + encoded, Http.track(), "{\"k\":\"v\"}").status())
        .isEqualTo(200);
    assertThat(
            http()
                .get("v1/customers/" + encoded + "/attributes", Http.app())
                .json()
                .at("/customer/id")
                .asText())
        .isEqualTo(id);
  }

  // ---- bad input: 400 in the v1 shape, nothing changed ------------------------------------

  @Test
  void malformedAndWrongTypedBodiesAre400AndChangeNothing() {
    String id = unique("bad");
    http().put("api/v1/customers/" + id, Http.track(), "{\"plan\":\"kept\"}");

    assertV1Error(
        http().put("api/v1/customers/" + id, Http.track(), "{\"plan\": "), 400, "malformed JSON");
    assertV1Error(http().put("api/v1/customers/" + id, Http.track(), "[1,2]"), 400, "JSON object");
    assertV1Error(
        http().put("api/v1/customers/" + id, Http.track(), "\"plan\""), 400, "JSON object");
    assertV1Error(http().put("api/v1/customers/" + id, Http.track(), ""), 400, "empty");
    assertV1Error(
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                "{\"created_at\":\"yesterday\",\"plan\":\"lost\"}"),
        400,
        "created_at");
    assertV1Error(
        http().put("api/v1/customers/" + id, Http.track(), "{\"created_at\":1700000000000}"),
        400,
        "milliseconds");
    assertV1Error(
        http().put("api/v1/customers/" + id, Http.track(), "{\"email\":42}"),
        400,
        "email must be a string");
    assertV1Error(
        http().put("api/v1/customers/" + id, Http.track(), "{\"_update\":\"yes\"}"),
        400,
        "_update");
    assertV1Error(
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                "{\"bio\":\"" + "x".repeat(1001) + "\",\"plan\":\"lost\"}"),
        400,
        "\"bio\" is 1001 bytes; the limit is 1000");
    assertV1Error(
        http().put("api/v1/customers/" + id, Http.track(), "{\"" + "n".repeat(151) + "\":1}"),
        400,
        "the limit is 150");
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 301; i++) {
      many.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":1");
    }
    assertV1Error(
        http().put("api/v1/customers/" + id, Http.track(), many.append("}").toString()),
        400,
        "too many attributes");

    JsonNode kept =
        http()
            .get("v1/customers/" + id + "/attributes", Http.app())
            .json()
            .at("/customer/attributes");
    assertThat(kept.path("plan").asText()).isEqualTo("kept");
    assertThat(kept.has("bio")).isFalse();
    assertThat(kept.has("created_at")).isFalse();
  }

  @Test
  void overLongIdentifiersAndOversizeBodiesAreRefused() {
    String longId = "i".repeat(151);
    assertV1Error(http().put("api/v1/customers/" + longId, Http.track(), "{}"), 400, "identifier");
    assertThat(http().get("v1/customers/" + longId + "/attributes", Http.app()).status())
        .isEqualTo(400);
    byte[] huge = ("{\"a\":\"" + "x".repeat(600 * 1024) + "\"}").getBytes();
    assertV1Error(
        http().put("api/v1/customers/" + unique("big"), Http.track(), huge), 413, "larger than");
  }

  @Test
  void unknownPeopleAndBadIdTypeAreClearAppErrors() {
    Answer missing = http().get("v1/customers/" + unique("nobody") + "/attributes", Http.app());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().at("/meta/error").asText()).startsWith("no customer with id");
    Answer badType = http().get("v1/customers/x/attributes?id_type=phone", Http.app());
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.json().at("/meta/error").asText()).contains("id_type");
  }

  @Test
  void aWorkspaceRateLimitAnswers429WithRetryAfterAndRateLimitHeaders() {
    assertThat(
            http()
                .get("v1/workspace/settings", Http.app())
                .json()
                .path("api_requests_per_second")
                .isNull())
        .isTrue();
    Answer set = http().put("v1/workspace/settings", Http.app(), "{\"api_requests_per_second\":5}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().path("api_requests_per_second").asInt()).isEqualTo(5);
    try {
      String writeKey = Http.basic(ItConfig.writeKey(), "");
      Answer limited = null;
      int allowed = 0;
      for (int i = 0; i < 30 && limited == null; i++) {
        Answer answer = http().post("v1/batch", writeKey, "{\"batch\":[]}");
        if (answer.status() == 429) {
          limited = answer;
        } else {
          assertThat(answer.status()).isEqualTo(200);
          assertThat(answer.raw().headers().firstValue("RateLimit-Limit")).contains("5");
          assertThat(answer.raw().headers().firstValue("RateLimit-Remaining")).isPresent();
          allowed++;
        }
      }
      assertThat(limited).as("a burst over 5/s is refused").isNotNull();
      assertThat(allowed).isGreaterThanOrEqualTo(5);
      assertThat(limited.raw().headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
      assertThat(limited.raw().headers().firstValue("RateLimit-Remaining")).contains("0");
      assertThat(limited.json().at("/errors/0/reason").asText()).isEqualTo("rate_limited");
      assertThat(http().get("v1/customers?email=nobody%40example.com", Http.app()).status())
          .as("another API family has its own bucket")
          .isEqualTo(200);
    } finally {
      http().put("v1/workspace/settings", Http.app(), "{\"api_requests_per_second\":null}");
    }
    assertThat(
            http()
                .put("v1/workspace/settings", Http.app(), "{\"api_requests_per_second\":0}")
                .status())
        .isEqualTo(400);
    assertThat(
            http()
                .put("v1/workspace/settings", Http.app(), "{\"api_requests_per_second\":\"5\"}")
                .status())
        .isEqualTo(400);
    assertThat(http().put("v1/workspace/settings", Http.app(), "{").status()).isEqualTo(400);
    assertThat(http().put("v1/workspace/settings", null, "{}").status()).isEqualTo(401);
    assertThat(
            http().post("v1/batch", Http.basic(ItConfig.writeKey(), ""), "{\"batch\":[]}").status())
        .as("limit cleared")
        .isEqualTo(200);
  }
}
