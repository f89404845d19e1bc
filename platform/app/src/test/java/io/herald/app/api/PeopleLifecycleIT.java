package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.assertV1Error;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import org.junit.jupiter.api.Test;

/**
 * A person's lifecycle beyond identify, as the Track and App APIs expose it: delete, suppress and
 * unsuppress, lookup by email, merge, and the account region call. Runs twice: on the embedded
 * MariaDB, and on the MariaDB/MySQL server at 127.0.0.1:3306 when one is reachable (skipped with
 * the reason otherwise).
 */
class PeopleLifecycleIT extends ContainerTest {

  @Test
  void deleteSuppressAndUnsuppressFollowCustomerIo() {
    String id = unique("gone");
    String email = id + "@example.com";
    http()
        .put(
            "api/v1/customers/" + id, Http.track(), "{\"email\":\"" + email + "\",\"plan\":\"a\"}");
    assertThat(http().delete("api/v1/customers/" + id, Http.track()).body()).isEqualTo("{}");
    assertThat(http().get("v1/customers/" + id + "/attributes", Http.app()).status())
        .isEqualTo(404);
    assertThat(http().delete("api/v1/customers/" + id, Http.track()).status())
        .as("deleting nobody is fine")
        .isEqualTo(200);

    // Suppress: deleted, and neither its id nor its email (any case) can bring it back.
    http()
        .put(
            "api/v1/customers/" + id, Http.track(), "{\"email\":\"" + email + "\",\"plan\":\"b\"}");
    assertThat(http().post("api/v1/customers/" + id + "/suppress", Http.track(), "{}").body())
        .isEqualTo("{}");
    assertThat(http().get("v1/customers/" + id + "/attributes", Http.app()).status())
        .isEqualTo(404);
    http().put("api/v1/customers/" + id, Http.track(), "{\"plan\":\"c\"}");
    http()
        .put(
            "api/v1/customers/" + unique("other"),
            Http.track(),
            "{\"email\":\"" + email.toUpperCase() + "\"}");
    assertThat(http().get("v1/customers/" + id + "/attributes", Http.app()).status())
        .isEqualTo(404);
    assertThat(
            http()
                .get(
                    "v1/customers/" + email.replace("@", "%40") + "/attributes?id_type=email",
                    Http.app())
                .status())
        .isEqualTo(404);

    // Unsuppress the id: identify creates a fresh person (suppression deleted the old data).
    assertThat(http().post("api/v1/customers/" + id + "/unsuppress", Http.track(), "{}").status())
        .isEqualTo(200);
    http().put("api/v1/customers/" + id, Http.track(), "{\"seats\":2}");
    JsonNode back =
        http()
            .get("v1/customers/" + id + "/attributes", Http.app())
            .json()
            .at("/customer/attributes");
    assertThat(back.path("seats").asInt()).isEqualTo(2);
    assertThat(back.has("plan")).isFalse();
    // The email stays suppressed until it is unsuppressed too.
    http().put("api/v1/customers/" + id, Http.track(), "{\"email\":\"" + email + "\"}");
    assertThat(
            http()
                .get("v1/customers/" + id + "/attributes", Http.app())
                .json()
                .at("/customer/identifiers/email")
                .isMissingNode())
        .isTrue();

    assertV1Error(
        http().post("api/v1/customers/" + "x".repeat(151) + "/suppress", Http.track(), "{}"),
        400,
        "identifier");
    assertThat(http().delete("api/v1/customers/" + id, null).status()).isEqualTo(401);
  }

  @Test
  void lookupByEmailAndAccountRegionAnswerInCustomerIoShape() {
    String id = unique("look");
    http()
        .put("api/v1/customers/" + id, Http.track(), "{\"email\":\"Look." + id + "@Example.com\"}");
    JsonNode found =
        http().get("v1/customers?email=look." + id + "%40example.com", Http.app()).json();
    assertThat(found.at("/results/0/id").asText()).isEqualTo(id);
    assertThat(found.at("/results/0/email").asText()).isEqualTo("Look." + id + "@Example.com");
    assertThat(found.at("/results/0/cio_id").asText()).isNotBlank();
    assertThat(http().get("v1/customers?email=nobody%40example.com", Http.app()).body())
        .isEqualTo("{\"results\":[]}");
    Answer missing = http().get("v1/customers", Http.app());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/meta/error").asText()).isEqualTo("email is required");
    assertThat(http().get("v1/customers?email=a%40b.c", Http.track()).status()).isEqualTo(401);

    JsonNode region = http().get("api/v1/accounts/region", Http.track()).json();
    assertThat(region.path("region").asText()).isEqualTo("us");
    assertThat(region.path("url").asText()).startsWith("http://").doesNotEndWith("/");
    assertThat(region.path("environment_id").asLong()).isPositive();
    assertThat(http().get("api/v1/accounts/region", Http.app()).status()).isEqualTo(401);
  }

  @Test
  void mergeCustomersMovesWhatThePrimaryLacksAndDeletesTheSecondary() {
    String primary = unique("primary");
    String secondaryEmail = unique("secondary") + "@example.com";
    http().put("api/v1/customers/" + primary, Http.track(), "{\"plan\":\"gold\"}");
    http()
        .put(
            "api/v1/customers/" + secondaryEmail.replace("@", "%40"),
            Http.track(),
            "{\"plan\":\"free\",\"seats\":3}");
    String body =
        "{\"primary\":{\"id\":\""
            + primary
            + "\"},\"secondary\":{\"email\":\""
            + secondaryEmail
            + "\"}}";
    assertThat(http().post("api/v1/merge_customers", Http.track(), body).body()).isEqualTo("{}");

    JsonNode merged =
        http().get("v1/customers/" + primary + "/attributes", Http.app()).json().path("customer");
    assertThat(merged.at("/attributes/plan").asText()).isEqualTo("gold");
    assertThat(merged.at("/attributes/seats").asInt()).isEqualTo(3);
    assertThat(merged.at("/identifiers/email").asText()).isEqualTo(secondaryEmail);
    // The secondary is gone: its email now finds the primary.
    JsonNode byEmail =
        http().get("v1/customers?email=" + secondaryEmail.replace("@", "%40"), Http.app()).json();
    assertThat(byEmail.path("results")).hasSize(1);
    assertThat(byEmail.at("/results/0/id").asText()).isEqualTo(primary);

    // Unknown people: 200 and nothing changes.
    assertThat(
            http()
                .post(
                    "api/v1/merge_customers",
                    Http.track(),
                    "{\"primary\":{\"id\":\""
                        + primary
                        + "\"},\"secondary\":{\"id\":\""
                        + unique("nobody")
                        + "\"}}")
                .status())
        .isEqualTo(200);
    assertThat(http().get("v1/customers/" + primary + "/attributes", Http.app()).status())
        .isEqualTo(200);

    assertV1Error(
        http()
            .post(
                "api/v1/merge_customers",
                Http.track(),
                "{\"primary\":{\"id\":\"a\",\"email\":\"a@x.io\"},\"secondary\":{\"id\":\"b\"}}"),
        400,
        "primary must have exactly one of id, email, cio_id");
    assertV1Error(
        http().post("api/v1/merge_customers", Http.track(), "{\"primary\":"),
        400,
        "malformed JSON");
    assertV1Error(http().post("api/v1/merge_customers", Http.track(), "[]"), 400, "JSON object");
    assertV1Error(
        http()
            .post(
                "api/v1/merge_customers",
                Http.track(),
                "{\"x\":\"" + "y".repeat(40 * 1024) + "\"}"),
        413,
        "larger than");
    assertThat(http().post("api/v1/merge_customers", null, body).status()).isEqualTo(401);
  }
}
