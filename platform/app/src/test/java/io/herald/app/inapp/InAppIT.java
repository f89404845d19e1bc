package io.herald.app.inapp;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In-app messages end to end on the running node: a person's token from the App API, the SDK's long
 * poll answered when a message is queued for them, the SDK's events moving the message's state,
 * tokens that are forged, expired or for another site refused, every input error, CORS on the SDK
 * paths only, the served JavaScript SDK, and the in-app provider offered to channel settings.
 *
 * <p>Messages are queued by writing the module's row straight into {@code inapp_message}, as the
 * in-app provider of another node does: this branch has no {@code /v1/send/in_app} yet (another
 * helper builds it), and the row is exactly what the provider writes ({@code InAppQueueIT} checks
 * the provider's writes). A node learns of another node's message through its once-a-second check,
 * which this also exercises.
 */
class InAppIT extends ContainerTest {

  private static final String CONTENT =
      "{\"title\":\"Welcome\",\"message\":\"Try the editor\",\"type\":\"modal\","
          + "\"buttons\":[{\"label\":\"Open\",\"action\":\"url\",\"url\":\"https://example.com/editor\"},"
          + "{\"label\":\"Later\",\"action\":\"dismiss\",\"url\":\"\"}],\"image_url\":\"\"}";

  private SdkClient sdk() {
    return new SdkClient(base);
  }

  /** A new person through the Track API; their cio_id. */
  private String person(String id) {
    Answer put =
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                "{\"email\":\"" + id + "@example.com\",\"plan\":\"pro\"}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    Answer read = http().get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return read.json().at("/customer/identifiers/cio_id").asText();
  }

  private Answer token(String body) {
    return http().post("v1/inapp/tokens", Http.app(), body);
  }

  private String tokenFor(String id) {
    Answer answer = token("{\"identifiers\":{\"id\":\"" + id + "\"}}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("token").asText();
  }

  private long workspaceId() {
    Answer region = http().get("api/v1/accounts/region", Http.track());
    assertThat(region.status()).as(region.body()).isEqualTo(200);
    return region.json().get("environment_id").asLong();
  }

  /** Queues a message as another node's in-app provider writes it (see the class comment). */
  private static void queue(long workspace, String cioId, String deliveryId) throws SQLException {
    try (Connection c = Db.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO inapp_message (workspace_id, cio_id, delivery_id, content, state,"
                    + " created_at, expires_at) VALUES (?, ?, ?, ?, 'pending', UTC_TIMESTAMP(3),"
                    + " UTC_TIMESTAMP(3) + INTERVAL 1 DAY)")) {
      insert.setLong(1, workspace);
      insert.setString(2, cioId);
      insert.setString(3, deliveryId);
      insert.setString(4, CONTENT);
      insert.executeUpdate();
    }
  }

  private static String[] stored(long workspace, String deliveryId) throws SQLException {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT state, clicked_url FROM inapp_message"
                    + " WHERE workspace_id = ? AND delivery_id = ?")) {
      q.setLong(1, workspace);
      q.setString(2, deliveryId);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).as("message " + deliveryId + " stored").isTrue();
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  // ---- the happy path ---------------------------------------------------------------------

  @Test
  void aWaitingLongPollGetsThePersonsMessageAndTheSdksEventsMoveItsState() throws Exception {
    String id = unique("inapp");
    String cioId = person(id);
    Answer issued = token("{\"identifiers\":{\"id\":\"" + id + "\"}}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    assertThat(issued.json().get("cio_id").asText()).isEqualTo(cioId);
    assertThat(issued.json().get("expires_at").asLong())
        .isGreaterThan(Instant.now().getEpochSecond());
    assertThat(issued.raw().headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    String token = issued.json().get("token").asText();
    String site = ItConfig.siteId();
    long ws = workspaceId();

    SdkClient.Reply none = sdk().poll(site, token, 0);
    assertThat(none.status()).as(none.body()).isEqualTo(200);
    assertThat(none.json().get("messages")).isEmpty();
    assertThat(none.header("Access-Control-Allow-Origin")).isEqualTo("*");

    CompletableFuture<SdkClient.Reply> waiting = sdk().pollAsync(site, token, 25);
    String deliveryId = unique("dlv");
    queue(ws, cioId, deliveryId);

    SdkClient.Reply got = waiting.get(40, TimeUnit.SECONDS);
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    assertThat(got.header("Cache-Control")).contains("no-store");
    JsonNode messages = got.json().get("messages");
    assertThat(messages).hasSize(1);
    JsonNode m = messages.get(0);
    assertThat(m.get("id").asText()).isEqualTo(deliveryId);
    assertThat(m.get("title").asText()).isEqualTo("Welcome");
    assertThat(m.get("message").asText()).isEqualTo("Try the editor");
    assertThat(m.get("type").asText()).isEqualTo("modal");
    assertThat(m.at("/buttons/0/url").asText()).isEqualTo("https://example.com/editor");
    assertThat(m.at("/buttons/1/action").asText()).isEqualTo("dismiss");
    assertThat(m.get("expires_at").asLong()).isGreaterThan(m.get("created_at").asLong());

    SdkClient.Reply opened = sdk().event(site, token, deliveryId, "{\"event\":\"opened\"}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(opened.json().get("state").asText()).isEqualTo("shown");
    assertThat(sdk().poll(site, token, 0).json().get("messages")).isEmpty();

    SdkClient.Reply clicked =
        sdk()
            .event(
                site,
                token,
                deliveryId,
                "{\"event\":\"clicked\",\"url\":\"https://example.com/editor\"}");
    assertThat(clicked.status()).as(clicked.body()).isEqualTo(200);
    assertThat(clicked.json().get("state").asText()).isEqualTo("clicked");
    SdkClient.Reply late = sdk().event(site, token, deliveryId, "{\"event\":\"dismissed\"}");
    assertThat(late.json().get("state").asText()).isEqualTo("clicked");
    assertThat(stored(ws, deliveryId)).containsExactly("clicked", "https://example.com/editor");
  }

  @Test
  void aMessageAlreadyQueuedIsAnsweredAtOnceAndAnEmptyWaitEnds() throws Exception {
    String id = unique("inapp");
    String cioId = person(id);
    String token = tokenFor(id);
    String deliveryId = unique("dlv");
    queue(workspaceId(), cioId, deliveryId);

    SdkClient.Reply got = sdk().poll(ItConfig.siteId(), token, 25);
    assertThat(got.json().at("/messages/0/id").asText()).isEqualTo(deliveryId);

    SdkClient.Reply dismissed =
        sdk().event(ItConfig.siteId(), token, deliveryId, "{\"event\":\"dismissed\"}");
    assertThat(dismissed.json().get("state").asText()).isEqualTo("dismissed");
    // Nothing pending: a short wait ends with an empty list.
    SdkClient.Reply empty = sdk().poll(ItConfig.siteId(), token, 1);
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("messages")).isEmpty();
  }

  @Test
  void theEventStreamSendsPendingAndNewMessagesOnce() throws Exception {
    String id = unique("inapp");
    String cioId = person(id);
    String token = tokenFor(id);
    long ws = workspaceId();
    String first = unique("dlv");
    queue(ws, cioId, first);

    java.net.http.HttpResponse<java.util.stream.Stream<String>> response =
        sdk().stream(ItConfig.siteId(), token).get(40, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    java.util.Iterator<String> lines = response.body().iterator();
    String second = unique("dlv");
    java.util.List<String> ids = new java.util.ArrayList<>();
    java.util.List<String> data = new java.util.ArrayList<>();
    try {
      while (ids.size() < 2 && lines.hasNext()) {
        String line = lines.next();
        if (line.startsWith("id:")) {
          ids.add(line.substring(3).strip());
          if (ids.size() == 1) {
            // The first message arrived: queue another, which the open stream must deliver too.
            queue(ws, cioId, second);
          }
        } else if (line.startsWith("data:")) {
          data.add(line.substring(5).strip());
        } else if (line.startsWith("event:")) {
          assertThat(line.substring(6).strip()).isEqualTo("message");
        }
      }
    } finally {
      response.body().close();
    }
    assertThat(ids).containsExactly(first, second);
    assertThat(data.get(0)).contains("\"id\":\"" + first + "\"").contains("\"title\":\"Welcome\"");

    SdkClient.Reply refused =
        sdk()
            .send(
                sdk()
                    .request(
                        "sdk/v1/inapp/stream?site_id=" + ItConfig.siteId() + "&token=forged",
                        null,
                        null)
                    .header("Accept", "text/event-stream")
                    .GET());
    assertReplyError(refused, 401, "invalid token");
  }

  // ---- authentication ---------------------------------------------------------------------

  @Test
  void sdkCallsNeedTheSiteIdAndAGenuineUnexpiredToken() throws Exception {
    String id = unique("inapp");
    String cioId = person(id);
    String token = tokenFor(id);
    String site = ItConfig.siteId();
    long ws = workspaceId();

    SdkClient.Reply noSite = sdk().poll(null, token, 0);
    assertReplyError(noSite, 401, "site id missing");
    assertThat(noSite.header("WWW-Authenticate")).startsWith("Bearer");
    assertReplyError(sdk().poll(site, null, 0), 401, "token missing");
    assertReplyError(sdk().poll("no-such-site", token, 0), 401, "unknown site id");
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    assertReplyError(sdk().poll(site, forged, 0), 401, "invalid token");
    assertReplyError(sdk().poll(site, "not-a-token", 0), 401, "invalid token");
    // Another person's id with this person's signature.
    String[] parts = token.split("\\.");
    String otherPerson =
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("someone".getBytes());
    assertReplyError(
        sdk().poll(site, parts[0] + "." + otherPerson + "." + parts[2] + "." + parts[3], 0),
        401,
        "invalid token");

    // Signed as documented with the node's key: expired is refused as such, a live one works.
    long past = Instant.now().minusSeconds(5).getEpochSecond();
    assertReplyError(
        sdk().poll(site, SdkClient.documentedToken(ws, cioId, past), 0), 401, "token expired");
    long later = Instant.now().plusSeconds(300).getEpochSecond();
    assertThat(sdk().poll(site, SdkClient.documentedToken(ws, cioId, later), 0).status())
        .isEqualTo(200);
    // A token of another workspace does not hold with this site id.
    assertReplyError(
        sdk().poll(site, SdkClient.documentedToken(ws + 1, cioId, later), 0), 401, "invalid token");

    // The query-parameter form (EventSource-style clients) works the same.
    SdkClient.Reply byQuery =
        sdk()
            .send(
                sdk()
                    .request(
                        "sdk/v1/inapp/messages?wait=0&site_id=" + site + "&token=" + token,
                        null,
                        null)
                    .GET());
    assertThat(byQuery.status()).as(byQuery.body()).isEqualTo(200);
    assertReplyError(
        sdk().event(site, forged, "anything", "{\"event\":\"opened\"}"), 401, "invalid token");
  }

  // ---- input errors -----------------------------------------------------------------------

  @Test
  void theTokenCallRefusesBadInputInTheAppShape() {
    String id = unique("inapp");
    person(id);
    assertThat(token("{\"identifiers\":{\"email\":\"" + id + "@example.com\"}}").status())
        .isEqualTo(200);
    assertAppError(token("{\"identifiers\":"), 400, "malformed JSON");
    assertAppError(token("[]"), 400, "must be a JSON object");
    assertAppError(token("{}"), 400, "identifiers is required");
    assertAppError(token("{\"identifiers\":\"42\"}"), 400, "identifiers must be an object");
    assertAppError(
        token("{\"identifiers\":{\"id\":true}}"), 400, "identifiers.id must be a string");
    assertAppError(
        token("{\"identifiers\":{\"id\":\"1\",\"email\":\"a@b.c\"}}"), 400, "exactly one of");
    assertAppError(token("{\"identifiers\":{\"id\":\"nobody-" + id + "\"}}"), 404, "not found");
    assertAppError(
        token("{\"identifiers\":{\"id\":\"" + "x".repeat(5000) + "\"}}"), 413, "larger than");
    assertAppError(
        http().post("v1/inapp/tokens", null, "{\"identifiers\":{\"id\":\"" + id + "\"}}"),
        401,
        "Authorization header missing");
  }

  @Test
  void sdkCallsRefuseBadInputUnknownAndForeignMessages() throws Exception {
    String id = unique("inapp");
    String cioId = person(id);
    String token = tokenFor(id);
    String other = unique("inapp");
    String otherCio = person(other);
    String site = ItConfig.siteId();
    long ws = workspaceId();
    String mine = unique("dlv");
    String theirs = unique("dlv");
    queue(ws, cioId, mine);
    queue(ws, otherCio, theirs);

    assertReplyError(sdk().poll(site, token, 26), 400, "wait must be an integer from 0 to 25");
    assertReplyError(
        sdk().send(sdk().request("sdk/v1/inapp/messages?wait=soon", site, token).GET()),
        400,
        "wait must be");
    assertReplyError(sdk().event(site, token, mine, "{\"event\":"), 400, "malformed JSON");
    assertReplyError(sdk().event(site, token, mine, "\"opened\""), 400, "JSON object");
    assertReplyError(sdk().event(site, token, mine, "{}"), 400, "event is required");
    assertReplyError(
        sdk().event(site, token, mine, "{\"event\":5}"), 400, "event must be a string");
    assertReplyError(
        sdk().event(site, token, mine, "{\"event\":\"clicked\",\"url\":7}"),
        400,
        "url must be a string");
    assertReplyError(
        sdk().event(site, token, mine, "{\"event\":\"exploded\"}"), 400, "event must be one of");
    assertReplyError(
        sdk().event(site, token, mine, "{\"event\":\"clicked\",\"url\":\"https://evil.test/\"}"),
        400,
        "not the URL of a button");
    assertReplyError(
        sdk()
            .event(
                site, token, mine, "{\"event\":\"opened\",\"pad\":\"" + "x".repeat(5000) + "\"}"),
        413,
        "larger than");
    assertReplyError(
        sdk().event(site, token, "no-such-message", "{\"event\":\"opened\"}"), 404, "not found");
    assertReplyError(sdk().event(site, token, theirs, "{\"event\":\"opened\"}"), 404, "not found");
    assertThat(stored(ws, mine)[0]).isEqualTo("pending");
    assertThat(stored(ws, theirs)[0]).isEqualTo("pending");
  }

  // ---- CORS, the script, the provider -----------------------------------------------------

  @Test
  void browsersMayCallTheSdkPathsFromAnyOriginAndOnlyThose() {
    SdkClient.Reply preflight =
        sdk()
            .method(
                "sdk/v1/inapp/messages/x/events",
                "OPTIONS",
                Map.of(
                    "Origin", SdkClient.ORIGIN,
                    "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers",
                        "authorization,content-type,x-herald-site-id"));
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(preflight.header("Access-Control-Allow-Headers"))
        .contains("Authorization")
        .contains("X-Herald-Site-Id")
        .contains("Content-Type");

    SdkClient.Reply api =
        sdk()
            .method(
                "v1/inapp/tokens",
                "OPTIONS",
                Map.of("Origin", SdkClient.ORIGIN, "Access-Control-Request-Method", "POST"));
    assertThat(api.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aWorkspacesOwnOriginsDecideWhichBrowsersMayCall() {
    String site = ItConfig.siteId();
    Answer initial = http().get("v1/inapp/settings", Http.app());
    assertThat(initial.status()).as(initial.body()).isEqualTo(200);
    assertThat(initial.json().get("default").asBoolean()).isTrue();
    assertThat(initial.json().get("allowed_origins").get(0).asText()).isEqualTo("*");
    try {
      Answer set =
          http()
              .put(
                  "v1/inapp/settings",
                  Http.app(),
                  "{\"allowed_origins\":[\"HTTPS://Shop.Example.com\",\"http://localhost:3000\"]}");
      assertThat(set.status()).as(set.body()).isEqualTo(200);
      assertThat(set.json().get("default").asBoolean()).isFalse();
      assertThat(set.json().get("allowed_origins").toString())
          .isEqualTo("[\"https://shop.example.com\",\"http://localhost:3000\"]");

      // A listed origin is echoed (with Vary: Origin), on preflights that name the site in the URL
      // as the SDK does, and on calls with the header.
      SdkClient.Reply preflight =
          sdk()
              .method(
                  "sdk/v1/inapp/messages?wait=25&site_id=" + site,
                  "OPTIONS",
                  Map.of("Origin", SdkClient.ORIGIN, "Access-Control-Request-Method", "GET"));
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(SdkClient.ORIGIN);
      assertThat(preflight.header("Vary")).contains("Origin");
      SdkClient.Reply call = sdk().poll(site, "not-a-token", 0);
      assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(SdkClient.ORIGIN);
      // Another origin gets no CORS grant: the browser keeps the answer from the page.
      SdkClient.Reply foreign =
          sdk()
              .method(
                  "sdk/v1/inapp/messages?site_id=" + site,
                  "OPTIONS",
                  Map.of(
                      "Origin",
                      "https://evil.example.net",
                      "Access-Control-Request-Method",
                      "GET"));
      assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();

      assertAppError(
          http()
              .put("v1/inapp/settings", Http.app(), "{\"allowed_origins\":[\"https://a.test/x\"]}"),
          400,
          "allowed_origins[0] must be * or an origin");
      assertAppError(
          http().put("v1/inapp/settings", Http.app(), "{\"allowed_origins\":\"*\"}"),
          400,
          "must be a list of strings");
      assertAppError(
          http().put("v1/inapp/settings", Http.app(), "{\"allowed_origins\":[1]}"),
          400,
          "must be a list of strings");
      assertAppError(http().put("v1/inapp/settings", Http.app(), "{}"), 400, "is required");
      assertAppError(http().put("v1/inapp/settings", Http.app(), "{"), 400, "malformed JSON");
      assertAppError(
          http()
              .put(
                  "v1/inapp/settings",
                  Http.app(),
                  "{\"allowed_origins\":[\"" + "x".repeat(9000) + "\"]}"),
          413,
          "larger than");
      assertAppError(http().get("v1/inapp/settings", null), 401, "Authorization header missing");
      assertThat(http().get("v1/inapp/settings", Http.app()).json().get("allowed_origins"))
          .hasSize(2);
    } finally {
      Answer reset = http().put("v1/inapp/settings", Http.app(), "{\"allowed_origins\":null}");
      assertThat(reset.status()).as(reset.body()).isEqualTo(200);
      assertThat(reset.json().get("default").asBoolean()).isTrue();
    }
  }

  @Test
  void theSdkScriptIsServedAsCacheableJavaScript() {
    SdkClient.Reply script = sdk().method("sdk/herald-inapp.js", "GET", Map.of());
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.header("Cache-Control")).contains("public").contains("max-age=3600");
    assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(script.body()).contains("Herald.inapp").contains("/sdk/v1/inapp/messages");
    String etag = script.header("ETag");
    assertThat(etag).isNotBlank();

    SdkClient.Reply again =
        sdk().method("sdk/herald-inapp.js", "GET", Map.of("If-None-Match", etag));
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void theInAppProviderIsOfferedToChannelSettings() {
    String name = unique("inapp").toLowerCase();
    Answer saved =
        http()
            .put(
                "v1/channel_settings/" + name,
                Http.app(),
                "{\"channel\":\"in_app\",\"provider\":\"in-app\",\"default\":false,\"settings\":{}}");
    try {
      assertThat(saved.status()).as(saved.body()).isEqualTo(200);
      assertThat(saved.json().at("/channel_setting/provider").asText()).isEqualTo("in-app");
      assertThat(saved.json().at("/channel_setting/channel").asText()).isEqualTo("in_app");
      assertAppError(
          http()
              .put(
                  "v1/channel_settings/" + name,
                  Http.app(),
                  "{\"channel\":\"email\",\"provider\":\"in-app\",\"settings\":{}}"),
          400,
          "channel must be in_app for provider in-app");
      assertAppError(
          http()
              .put(
                  "v1/channel_settings/" + name,
                  Http.app(),
                  "{\"channel\":\"in_app\",\"provider\":\"in-app\",\"settings\":{\"x\":\"1\"}}"),
          400,
          "settings.x is not a setting of in-app");
    } finally {
      assertThat(http().delete("v1/channel_settings/" + name, Http.app()).status()).isEqualTo(204);
    }
  }

  private static void assertReplyError(SdkClient.Reply reply, int status, String fragment) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().at("/meta/error").asText()).contains(fragment);
  }
}
