package io.herald.plugins.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.tck.TestPluginContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact requests of both modes and how Slack's documented answers map to results
 * (api.slack.com/methods/chat.postMessage, api.slack.com/messaging/webhooks).
 */
class SlackSendTest {

  /** chat.postMessage's documented success answer (shortened "message" object). */
  static final String POSTED =
      "{\"ok\":true,\"channel\":\"C123ABC456\",\"ts\":\"1503435956.000247\",\"message\":{"
          + "\"text\":\"Here's a message for you\",\"username\":\"ecto1\",\"bot_id\":\"B123ABC456\","
          + "\"type\":\"message\",\"subtype\":\"bot_message\",\"ts\":\"1503435956.000247\"}}";

  private static final List<Object> BLOCKS =
      List.of(
          Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "*Deploy* finished")));

  @RegisterExtension
  static final WireMockExtension SLACK =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestPluginContext context = new TestPluginContext("channel-slack");
  private SlackChannelProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    provider = create(SlackTestSupport.values(SLACK.baseUrl()));
    postMessageAnswers(200, POSTED, null);
    webhookAnswers(200, "ok", null);
  }

  @AfterEach
  void tearDown() {
    provider.close();
  }

  private SlackChannelProvider create(Map<String, String> values) throws InvalidConfigException {
    return (SlackChannelProvider)
        new SlackChannelProviderFactory().create(new ChannelConfig(values), context);
  }

  private void postMessageAnswers(int status, String body, String retryAfter) {
    var response =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(body);
    if (retryAfter != null) {
      response = response.withHeader("Retry-After", retryAfter);
    }
    SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(response));
  }

  private void webhookAnswers(int status, String body, String retryAfter) {
    var response =
        aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody(body);
    if (retryAfter != null) {
      response = response.withHeader("Retry-After", retryAfter);
    }
    SLACK.stubFor(post(urlEqualTo(SlackTestSupport.WEBHOOK_PATH)).willReturn(response));
  }

  private DeliveryResult toChannel() {
    return provider.send(SlackTestSupport.slack("k-c", "C123ABC456").body("hi").build());
  }

  private DeliveryResult toWebhook() {
    return provider.send(SlackTestSupport.slack("k-w", "").body("hi").build());
  }

  @Test
  void aChannelMessageIsPostedWithTheBotToken() {
    DeliveryResult result =
        provider.send(
            SlackTestSupport.slack("k-1", "C123ABC456")
                .body("Deploy finished")
                .payload(Map.of("blocks", BLOCKS))
                .build());

    assertThat(result).isEqualTo(DeliveryResult.accepted("1503435956.000247"));
    SLACK.verify(
        1,
        postRequestedFor(urlEqualTo("/api/chat.postMessage"))
            .withHeader("Authorization", equalTo("Bearer " + SlackTestSupport.BOT_TOKEN))
            .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
            .withRequestBody(
                equalToJson(
                    "{\"channel\":\"C123ABC456\",\"text\":\"Deploy finished\",\"blocks\":[{"
                        + "\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                        + "\"text\":\"*Deploy* finished\"}}]}")));
  }

  @Test
  void withoutARecipientTheConfiguredWebhookGetsTextAndBlocks() {
    DeliveryResult result =
        provider.send(
            SlackTestSupport.slack("k-2", "")
                .body("Deploy finished")
                .payload(Map.of("blocks", BLOCKS))
                .build());

    assertThat(result).isEqualTo(DeliveryResult.accepted("k-2"));
    SLACK.verify(
        1,
        postRequestedFor(urlEqualTo(SlackTestSupport.WEBHOOK_PATH))
            .withHeader("Authorization", absent())
            .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
            .withRequestBody(
                equalToJson(
                    "{\"text\":\"Deploy finished\",\"blocks\":[{\"type\":\"section\",\"text\":{"
                        + "\"type\":\"mrkdwn\",\"text\":\"*Deploy* finished\"}}]}")));
  }

  @Test
  void aWebhookUrlAsRecipientMustStartWithThePrefix() {
    String other = "/services/T1/B2/other-hook";
    SLACK.stubFor(post(urlEqualTo(other)).willReturn(aResponse().withBody("ok")));

    assertThat(
            provider.send(SlackTestSupport.slack("k-3", SLACK.baseUrl() + other).body("x").build()))
        .isEqualTo(DeliveryResult.accepted("k-3"));
    assertThat(
            provider.send(
                SlackTestSupport.slack("k-4", "https://evil.example/services/x").body("x").build()))
        .isEqualTo(
            DeliveryResult.permanent(
                "recipient: an incoming webhook URL must start with "
                    + SLACK.baseUrl()
                    + "/services/"));
    SLACK.verify(
        1, postRequestedFor(urlEqualTo(other)).withRequestBody(equalToJson("{\"text\":\"x\"}")));
  }

  @Test
  void webhookErrorsArePermanentAndItsRateLimitIsHonoured() {
    webhookAnswers(404, "no_service", null);
    assertThat(toWebhook())
        .isEqualTo(DeliveryResult.permanent("Slack webhook HTTP 404: no_service"));
    webhookAnswers(403, "invalid_token", null);
    assertThat(toWebhook())
        .isEqualTo(DeliveryResult.permanent("Slack webhook HTTP 403: invalid_token"));
    webhookAnswers(410, "channel_is_archived", null);
    assertThat(toWebhook())
        .isEqualTo(DeliveryResult.permanent("Slack webhook HTTP 410: channel_is_archived"));
    webhookAnswers(429, "", "17");
    assertThat(toWebhook()).isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(17)));
    webhookAnswers(500, "rollup_error", null);
    assertThat(toWebhook())
        .isEqualTo(
            DeliveryResult.retryable(
                "Slack webhook HTTP 500: rollup_error", SlackAnswers.DEFAULT_RETRY_DELAY));
  }

  @Test
  void postMessageErrorsComeIn200Answers() {
    postMessageAnswers(200, "{\"ok\":false,\"error\":\"channel_not_found\"}", null);
    assertThat(toChannel())
        .isEqualTo(
            DeliveryResult.permanent(
                "Slack error channel_not_found (use the channel ID, and invite the app to private"
                    + " channels)"));
    postMessageAnswers(200, "{\"ok\":false,\"error\":\"invalid_auth\"}", null);
    assertThat(toChannel())
        .isEqualTo(DeliveryResult.permanent("Slack error invalid_auth (check the bot token)"));
    postMessageAnswers(200, "{\"ok\":false,\"error\":\"internal_error\"}", null);
    assertThat(toChannel())
        .isEqualTo(
            DeliveryResult.retryable(
                "Slack error internal_error", SlackAnswers.DEFAULT_RETRY_DELAY));
  }

  @Test
  void rateLimitedAnd5xxPostMessages() {
    postMessageAnswers(429, "{\"ok\":false,\"error\":\"ratelimited\"}", "30");
    assertThat(toChannel()).isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(30)));
    postMessageAnswers(503, "", null);
    assertThat(toChannel())
        .isEqualTo(DeliveryResult.retryable("Slack HTTP 503", SlackAnswers.DEFAULT_RETRY_DELAY));
  }

  @Test
  void aTimeoutIsRetryableAndNeverShowsTheWebhookUrl() {
    SLACK.stubFor(
        post(urlEqualTo(SlackTestSupport.WEBHOOK_PATH))
            .willReturn(aResponse().withFixedDelay(3_000).withBody("ok")));

    DeliveryResult result = toWebhook();

    assertThat(result)
        .isEqualTo(
            DeliveryResult.retryable(
                "no answer from Slack (incoming webhook) within 2 s",
                SlackAnswers.DEFAULT_RETRY_DELAY));
    assertThat(context.loggedMessages())
        .allSatisfy(line -> assertThat(line).doesNotContain("XXXXXXXXXXXXXXXXXXXXXXXX"));
  }

  @Test
  void modesFollowTheSettings() throws Exception {
    Map<String, String> botOnly = SlackTestSupport.values(SLACK.baseUrl());
    botOnly.remove(SlackSchema.WEBHOOK_URL);
    botOnly.put(SlackSchema.DEFAULT_CHANNEL, "C0DEFAULT");
    Map<String, String> webhookOnly = SlackTestSupport.values(SLACK.baseUrl());
    webhookOnly.remove(SlackSchema.BOT_TOKEN);

    try (SlackChannelProvider bot = create(botOnly);
        SlackChannelProvider hook = create(webhookOnly)) {
      assertThat(bot.send(SlackTestSupport.slack("m-1", " ").body("x").build()))
          .isEqualTo(DeliveryResult.accepted("1503435956.000247"));
      assertThat(hook.send(SlackTestSupport.slack("m-2", "C123").body("x").build()))
          .isEqualTo(
              DeliveryResult.permanent(
                  "recipient: posting to a channel ID needs the bot_token setting"));
    }
    SLACK.verify(
        postRequestedFor(urlEqualTo("/api/chat.postMessage"))
            .withRequestBody(equalToJson("{\"channel\":\"C0DEFAULT\",\"text\":\"x\"}")));
  }

  @Test
  void invalidMessagesAndSettingsAreRefused() {
    assertThat(provider.send(SlackTestSupport.slack("i-1", "C1").build()))
        .isEqualTo(DeliveryResult.permanent("body: a Slack message needs text or blocks"));
    assertThat(
            provider.send(
                SlackTestSupport.slack("i-2", "C1")
                    .body("x")
                    .payload(Map.of("blocks", "not a list"))
                    .build()))
        .isEqualTo(DeliveryResult.permanent("blocks: must be a list of Block Kit blocks"));
    SLACK.verify(0, anyRequestedFor(anyUrl()));
    try {
      create(Map.of(SlackSchema.BOT_TOKEN, "not-a-token"));
      throw new AssertionError("expected InvalidConfigException");
    } catch (InvalidConfigException e) {
      assertThat(e.problems())
          .containsExactly("bot_token: must be a Slack token (xoxb-…)")
          .noneMatch(p -> p.contains("not-a-token"));
    }
    try {
      create(Map.of());
      throw new AssertionError("expected InvalidConfigException");
    } catch (InvalidConfigException e) {
      assertThat(e.problems())
          .containsExactly("webhook_url: set a webhook URL, a bot token or both");
    }
  }
}
