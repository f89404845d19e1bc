package io.herald.app.inapp;

import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole in-app path through the real send: {@code POST /v1/send/in_app} renders the message for
 * the person and queues a delivery, the sending loop hands it to Herald's own in-app provider (no
 * in_app channel setting), the person's SDK long poll receives it, and its {@code opened} event
 * becomes the delivery's metric.
 */
class InAppSendIT extends InAppContainerTest {

  @Test
  void aMessageSentThroughTheTransactionalApiReachesThePersonsSdk() throws Exception {
    // Another test class may have made a recording echo the in_app default; the built-in provider
    // serves the channel when no setting names it.
    http().delete("v1/channel_settings/echo-in-app", Http.app());
    String id = unique("inapp-send");
    person(id);
    String token = tokenFor(id);
    String site = ItConfig.siteId();

    CompletableFuture<SdkClient.Reply> waiting = sdk().pollAsync(site, token, 25);
    Answer sent =
        http()
            .post(
                "v1/send/in_app",
                Http.app(),
                "{\"identifiers\":{\"id\":\""
                    + id
                    + "\"},\"title\":\"Hi\",\"message\":\"Your plan: {{customer.plan}}\","
                    + "\"type\":\"banner\"}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    String delivery = sent.json().get("delivery_id").asText();

    SdkClient.Reply got = waiting.get(40, TimeUnit.SECONDS);
    JsonNode messages = got.json().get("messages");
    if (messages.isEmpty()) {
      // The long poll may have answered before the sending loop handed the message over.
      messages = sdk().poll(site, token, 25).json().get("messages");
    }
    assertThat(messages).hasSize(1);
    JsonNode m = messages.get(0);
    assertThat(m.get("id").asText()).isEqualTo(delivery);
    assertThat(m.get("message").asText()).isEqualTo("Your plan: pro");
    assertThat(m.get("type").asText()).isEqualTo("banner");

    assertThat(sdk().event(site, token, delivery, "{\"event\":\"opened\"}").status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode view = http().get("v1/messages/" + delivery, Http.app()).json();
              assertThat(view.at("/message/type").asText()).isEqualTo("in_app");
              assertThat(view.at("/message/metrics/opened").asLong()).isPositive();
            });
  }
}
