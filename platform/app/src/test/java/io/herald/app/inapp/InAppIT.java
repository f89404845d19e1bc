package io.herald.app.inapp;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In-app messages end to end on the running node: a person's token from the App API, the SDK's long
 * poll answered when a message is sent to them ({@code POST /v1/send/in_app}), the event stream
 * (with a message another node queued), the SDK's events moving the message's state, tokens that
 * are forged, expired or for another site refused, and every input error of the token call and the
 * SDK calls. CORS, the served SDK and the settings are in {@link InAppAccessIT}.
 */
class InAppIT extends InAppContainerTest {

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
    String deliveryId = send(ws, id);

    SdkClient.Reply got = waiting.get(40, TimeUnit.SECONDS);
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    assertThat(got.header("Cache-Control")).contains("no-store");
    JsonNode messages = got.json().get("messages");
    if (messages.isEmpty()) {
      // The long poll may have answered before the sending loop handed the message over.
      messages = sdk().poll(site, token, 25).json().get("messages");
    }
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
    person(id);
    String token = tokenFor(id);
    String deliveryId = send(workspaceId(), id);

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
    String first = send(ws, id);

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
            // The first message arrived: another node queues one, which the open stream learns
            // of through the once-a-second check and must deliver too.
            queueAsAnotherNode(ws, cioId, second);
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
    person(id);
    String token = tokenFor(id);
    String other = unique("inapp");
    person(other);
    String site = ItConfig.siteId();
    long ws = workspaceId();
    String mine = send(ws, id);
    String theirs = send(ws, other);

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
}
