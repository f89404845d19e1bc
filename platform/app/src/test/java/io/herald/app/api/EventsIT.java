package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.assertV1Error;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Track API v1 events (person, page view, anonymous, invitation) as the official {@code
 * customerio-node} client sends them (SDK-WIRE-CAPTURE.md bodies), read back through the App API
 * activity feed; deduplication, identification of a visitor, merges, paging and every kind of bad
 * request.
 */
class EventsIT extends ContainerTest {

  private Answer event(String customer, String body) {
    return http().post("api/v1/customers/" + customer + "/events", Http.track(), body);
  }

  private JsonNode activities(String customer, String query) {
    Answer answer = http().get("v1/customers/" + customer + "/activities" + query, Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private List<String> names(String customer) {
    List<String> names = new ArrayList<>();
    activities(customer, "?limit=100")
        .path("activities")
        .forEach(
            a -> {
              if (List.of("event", "page", "screen").contains(a.path("type").asText())) {
                names.add(a.path("name").asText());
              }
            });
    return names;
  }

  @Test
  void theOfficialClientsEventAndPageViewAreRecordedOnceAndReadable() {
    String customer = unique("ev");
    http().put("api/v1/customers/" + customer, Http.track(), "{\"plan\":\"pro\"}");
    String body =
        "{\"name\":\"EVENT_NAME\",\"data\":{\"price\":9.99,\"sku\":\"SKU\"},"
            + "\"timestamp\":1700000000,\"id\":\""
            + customer
            + "-ULID\"}";

    Answer first = event(customer, body);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("{}");
    assertThat(event(customer, body).status()).as("a repeat of the same id").isEqualTo(200);
    assertThat(event(customer, "{\"type\":\"page\",\"name\":\"/pricing\"}").status())
        .isEqualTo(200);

    JsonNode page = activities(customer, "");
    assertThat(page.path("next").asText()).isEmpty();
    JsonNode list = page.path("activities");
    assertThat(list).hasSize(3);
    assertThat(list.get(1).path("type").asText()).as("the profile's creation").isEqualTo("created");
    JsonNode pageView = list.get(0);
    assertThat(pageView.path("type").asText()).isEqualTo("page");
    assertThat(pageView.path("name").asText()).isEqualTo("/pricing");
    JsonNode purchase = list.get(2);
    assertThat(purchase.path("type").asText()).isEqualTo("event");
    assertThat(purchase.path("name").asText()).isEqualTo("EVENT_NAME");
    assertThat(purchase.path("timestamp").asLong()).isEqualTo(1_700_000_000L);
    assertThat(purchase.at("/data/price").asDouble()).isEqualTo(9.99);
    assertThat(purchase.at("/data/sku").asText()).isEqualTo("SKU");
    assertThat(purchase.path("customer_id").asText()).isEqualTo(customer);
    assertThat(purchase.at("/customer_identifiers/cio_id").asText()).isNotBlank();
  }

  @Test
  void anEventForSomebodyNewCreatesThePersonButNeverASuppressedOne() {
    String customer = unique("new");
    assertThat(event(customer, "{\"name\":\"signed_up\"}").status()).isEqualTo(200);
    assertThat(http().get("v1/customers/" + customer + "/attributes", Http.app()).status())
        .isEqualTo(200);
    assertThat(names(customer)).containsExactly("signed_up");

    http().post("api/v1/customers/" + customer + "/suppress", Http.track(), "{}");
    assertThat(event(customer, "{\"name\":\"after_suppress\"}").status()).isEqualTo(200);
    assertThat(http().get("v1/customers/" + customer + "/attributes", Http.app()).status())
        .isEqualTo(404);
    assertThat(event("cio_nosuchperson", "{\"name\":\"x\"}").status()).isEqualTo(200);
  }

  @Test
  void aVisitorsAnonymousEventsJoinThePersonIdentifiedWithTheirAnonymousId() {
    String anonymous = unique("anon");
    String customer = unique("known");
    Answer before =
        http()
            .post(
                "api/v1/events",
                Http.track(),
                "{\"name\":\"EVENT_NAME\",\"data\":{\"source\":\"SOURCE\"},\"anonymous_id\":\""
                    + anonymous
                    + "\"}");
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.body()).isEqualTo("{}");

    http()
        .put(
            "api/v1/customers/" + customer,
            Http.track(),
            "{\"email\":\"" + customer + "@example.com\",\"anonymous_id\":\"" + anonymous + "\"}");
    assertThat(names(customer)).containsExactly("EVENT_NAME");
    JsonNode attributes = http().get("v1/customers/" + customer + "/attributes", Http.app()).json();
    assertThat(attributes.at("/customer/attributes").has("anonymous_id"))
        .as("anonymous_id is an identifier, not an attribute")
        .isFalse();

    http()
        .post(
            "api/v1/events",
            Http.track(),
            "{\"name\":\"later\",\"anonymous_id\":\"" + anonymous + "\"}");
    assertThat(names(customer)).containsExactlyInAnyOrder("EVENT_NAME", "later");
  }

  @Test
  void anInvitationNeedsARecipientWhenItHasNoAnonymousId() {
    assertThat(
            http()
                .post(
                    "api/v1/events",
                    Http.track(),
                    "{\"name\":\"invite\",\"data\":{\"recipient\":\"friend@example.com\"}}")
                .status())
        .isEqualTo(200);
    assertV1Error(
        http().post("api/v1/events", Http.track(), "{\"name\":\"invite\"}"),
        400,
        "anonymous_id: required unless data.recipient");
  }

  @Test
  void aMergeMovesTheSecondarysEventsToThePrimary() {
    String primary = unique("prim");
    String secondary = unique("sec");
    event(primary, "{\"name\":\"p_event\"}");
    event(secondary, "{\"name\":\"s_event\"}");

    Answer merge =
        http()
            .post(
                "api/v1/merge_customers",
                Http.track(),
                "{\"primary\":{\"id\":\""
                    + primary
                    + "\"},\"secondary\":{\"id\":\""
                    + secondary
                    + "\"}}");
    assertThat(merge.status()).isEqualTo(200);

    assertThat(names(primary)).containsExactlyInAnyOrder("p_event", "s_event");
  }

  @Test
  void activitiesArePagedNewestFirst() {
    String customer = unique("pages");
    for (int i = 1; i <= 12; i++) {
      event(customer, "{\"name\":\"e" + i + "\",\"timestamp\":" + (1_700_000_000 + i) + "}");
    }
    List<String> seen = new ArrayList<>();
    String start = "";
    int pages = 0;
    do {
      JsonNode page = activities(customer, "?limit=5" + (start.isEmpty() ? "" : "&start=" + start));
      page.path("activities")
          .forEach(
              a -> seen.add(a.has("name") ? a.path("name").asText() : a.path("type").asText()));
      start = page.path("next").asText();
      pages++;
    } while (!start.isEmpty() && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .as("the profile's creation (now) is newer than the back-dated events")
        .containsExactly(
            "created", "e12", "e11", "e10", "e9", "e8", "e7", "e6", "e5", "e4", "e3", "e2", "e1");
  }

  private static List<String> metricRows(String deliveryId) throws Exception {
    List<String> rows = new ArrayList<>();
    try (var c = io.herald.app.it.Db.connect();
        var q =
            c.prepareStatement(
                "SELECT metric, UNIX_TIMESTAMP(occurred_at), COALESCE(href, ''),"
                    + " COALESCE(device_id, ''), source FROM events_delivery_metric"
                    + " WHERE delivery_id = ? ORDER BY id")) {
      q.setString(1, deliveryId);
      try (var rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(
              rs.getString(1)
                  + " "
                  + rs.getLong(2)
                  + " "
                  + rs.getString(3)
                  + " "
                  + rs.getString(4)
                  + " "
                  + rs.getString(5));
        }
      }
    }
    return rows;
  }

  @Test
  void deliveryMetricsFromTheMetricsPushAndV2Calls() throws Exception {
    String delivery = unique("dlv");
    Answer metric =
        http()
            .post(
                "api/v1/metrics",
                Http.track(),
                "{\"delivery_id\":\""
                    + delivery
                    + "\",\"metric\":\"clicked\",\"timestamp\":1700000000,"
                    + "\"href\":\"https://example.com/x\"}");
    assertThat(metric.status()).isEqualTo(200);
    assertThat(metric.body()).isEqualTo("{}");
    assertThat(
            http()
                .post(
                    "api/v1/push/events",
                    Http.track(),
                    "{\"delivery_id\":\""
                        + delivery
                        + "\",\"event\":\"opened\",\"device_id\":\"DEVICE_TOKEN\","
                        + "\"timestamp\":1700000001}")
                .status())
        .isEqualTo(200);
    assertThat(
            http()
                .post(
                    "api/v2/entity",
                    Http.track(),
                    "{\"type\":\"delivery\",\"identifiers\":{\"id\":\""
                        + delivery
                        + "\"},\"action\":\"event\",\"name\":\"delivered\",\"timestamp\":1700000002,"
                        + "\"attributes\":{\"device_token\":\"DEVICE_TOKEN\"}}")
                .status())
        .isEqualTo(200);
    assertThat(metricRows(delivery))
        .containsExactly(
            "clicked 1700000000 https://example.com/x  track_v1",
            "opened 1700000001  DEVICE_TOKEN push",
            "delivered 1700000002  DEVICE_TOKEN track_v2");

    Answer bad =
        http()
            .post("api/v1/metrics", Http.track(), "{\"metric\":\"liked\",\"timestamp\":\"soon\"}");
    assertV1Error(bad, 400, "delivery_id: required");
    assertThat(bad.json().at("/meta/errors").toString())
        .contains("metric: must be one of")
        .contains("timestamp: must be a whole number");
    assertV1Error(
        http()
            .post(
                "api/v1/push/events",
                Http.track(),
                "{\"delivery_id\":\"" + delivery + "\",\"event\":\"clicked\"}"),
        400,
        "event: must be one of converted, delivered, opened");
    assertV1Error(
        http().post("api/v1/metrics", Http.track(), "{\"delivery_id\":"), 400, "malformed");
    assertThat(http().post("api/v1/metrics", null, "{}").status()).isEqualTo(401);
    assertThat(metricRows(delivery)).hasSize(3);
  }

  @Test
  void aFormSubmissionIdentifiesThePersonAndRecordsTheSubmission() throws Exception {
    String form = unique("form");
    String email = unique("filled") + "@example.com";
    String body =
        "{\"data\":{\"email\":\""
            + email
            + "\",\"first_name\":\"FIRST_NAME\",\"form_name\":\"Signup\"}}";
    Answer submitted = http().post("api/v1/forms/" + form + "/submit", Http.track(), body);
    assertThat(submitted.status()).isEqualTo(204);
    assertThat(submitted.body()).isEmpty();
    http().post("api/v1/forms/" + form + "/submit", Http.track(), body);

    String byEmail = "v1/customers/" + email.replace("@", "%40");
    JsonNode customer = http().get(byEmail + "/attributes?id_type=email", Http.app()).json();
    assertThat(customer.at("/customer/attributes/first_name").asText()).isEqualTo("FIRST_NAME");
    assertThat(customer.at("/customer/attributes").has("form_name")).isFalse();
    JsonNode activity =
        http().get(byEmail + "/activities?id_type=email", Http.app()).json().at("/activities/0");
    assertThat(activity.path("name").asText()).isEqualTo("form_submit");
    assertThat(activity.at("/data/form_id").asText()).isEqualTo(form);
    try (var c = io.herald.app.it.Db.connect();
        var q = c.prepareStatement("SELECT name, submissions FROM ingest_form WHERE form_id = ?")) {
      q.setString(1, form);
      try (var rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("Signup");
        assertThat(rs.getLong(2)).isEqualTo(2);
      }
    }

    assertV1Error(
        http()
            .post(
                "api/v1/forms/" + form + "/submit",
                Http.track(),
                "{\"data\":{\"first_name\":\"x\"}}"),
        400,
        "needs an email or id");
    assertV1Error(
        http().post("api/v1/forms/" + form + "/submit", Http.track(), "{\"data\":[]}"),
        400,
        "data: must be an object");
    assertV1Error(
        http().post("api/v1/forms/" + form + "/submit", Http.track(), "{"), 400, "malformed");
    assertThat(http().post("api/v1/forms/" + form + "/submit", null, body).status()).isEqualTo(401);
  }

  @Test
  void profileChangesConflictsAndMergesAreActivities() {
    String customer = unique("chg");
    String other = unique("chgo");
    http().put("api/v1/customers/" + customer, Http.track(), "{\"plan\":\"basic\"}");
    http().put("api/v1/customers/" + customer, Http.track(), "{\"plan\":\"pro\",\"seats\":3}");
    http().put("api/v1/customers/" + customer, Http.track(), "{\"plan\":\"pro\"}");
    http()
        .put(
            "api/v1/customers/" + other, Http.track(), "{\"email\":\"" + other + "@example.com\"}");
    http()
        .put(
            "api/v1/customers/" + customer,
            Http.track(),
            "{\"email\":\"" + other + "@example.com\"}");
    http()
        .post(
            "api/v1/merge_customers",
            Http.track(),
            "{\"primary\":{\"id\":\"" + customer + "\"},\"secondary\":{\"id\":\"" + other + "\"}}");

    List<JsonNode> list = new ArrayList<>();
    activities(customer, "?limit=100").path("activities").forEach(list::add);
    List<String> types = list.stream().map(a -> a.path("type").asText()).toList();
    assertThat(types)
        .as("rewriting the same value is no change; the merged person's own history comes along")
        .containsExactly(
            "merged", "failed_attribute_change", "created", "attribute_change", "created");
    JsonNode change =
        list.stream()
            .filter(a -> a.path("type").asText().equals("attribute_change"))
            .findFirst()
            .get();
    assertThat(change.at("/data/attributes/plan/from").asText()).isEqualTo("basic");
    assertThat(change.at("/data/attributes/plan/to").asText()).isEqualTo("pro");
    assertThat(change.at("/data/attributes/seats/to").asInt()).isEqualTo(3);
    assertThat(change.at("/data/attributes/seats").has("from")).isFalse();
    JsonNode failed =
        list.stream()
            .filter(a -> a.path("type").asText().equals("failed_attribute_change"))
            .findFirst()
            .get();
    assertThat(failed.at("/data/reason").asText()).contains("belongs to another person");
  }

  @Test
  void badRequestsAreRefusedWithTheFieldAndStoreNothing() {
    String customer = unique("bad");
    event(customer, "{\"name\":\"kept\"}");

    assertV1Error(event(customer, "{\"name\": "), 400, "malformed JSON");
    assertV1Error(event(customer, "[1,2]"), 400, "JSON object");
    Answer wrong =
        event(customer, "{\"name\":5,\"type\":\"click\",\"timestamp\":\"now\",\"data\":[]}");
    assertV1Error(wrong, 400, "name: must be a string");
    assertThat(wrong.json().at("/meta/errors").toString())
        .contains("type: must be one of event, page, screen")
        .contains("timestamp: must be a whole number of Unix seconds")
        .contains("data: must be an object");
    assertV1Error(
        event(customer, "{\"name\":\"x\",\"timestamp\":1700000000000}"), 400, "milliseconds");
    assertV1Error(event(customer, "{\"name\":\"" + "n".repeat(101) + "\"}"), 400, "name: longer");
    String bigData = "{\"name\":\"big\",\"data\":{\"b\":\"" + "x".repeat(100_001) + "\"}}";
    assertV1Error(event(customer, bigData), 400, "data: larger than 100000 bytes");
    String huge = "{\"name\":\"huge\",\"data\":{\"b\":\"" + "x".repeat(140_000) + "\"}}";
    assertV1Error(event(customer, huge), 413, "larger than");
    assertV1Error(
        http()
            .post(
                "api/v1/customers/" + "i".repeat(151) + "/events",
                Http.track(),
                "{\"name\":\"x\"}"),
        400,
        "identifier");
    Answer noAuth =
        http().post("api/v1/customers/" + customer + "/events", null, "{\"name\":\"x\"}");
    assertThat(noAuth.status()).isEqualTo(401);
    assertThat(
            http().post("api/v1/events", null, "{\"name\":\"x\",\"anonymous_id\":\"a\"}").status())
        .isEqualTo(401);

    assertThat(names(customer)).containsExactly("kept");

    Answer unknown = http().get("v1/customers/" + unique("nobody") + "/activities", Http.app());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().at("/meta/error").asText()).contains("no customer");
    assertThat(http().get("v1/customers/" + customer + "/activities?limit=0", Http.app()).status())
        .isEqualTo(400);
    assertThat(http().get("v1/customers/" + customer + "/activities?start=x", Http.app()).status())
        .isEqualTo(400);
    assertThat(http().get("v1/customers/" + customer + "/activities", null).status())
        .isEqualTo(401);
  }
}
