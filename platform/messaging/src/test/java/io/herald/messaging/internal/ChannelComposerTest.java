package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.messaging.internal.render.LiquidRenderer;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering of SMS, push, WhatsApp and in-app messages into plugin API 1.4.0 payloads. */
class ChannelComposerTest {

  private final ChannelComposer composer =
      new ChannelComposer(
          new LiquidRenderer(Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC)));

  private static final Map<String, Object> VARS =
      Map.of(
          "customer", Map.of("id", "42", "first_name", "Ada", "plan", "pro"),
          "trigger", Map.of("code", "1234", "order", Map.of("id", 7)));

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void smsRendersTheBodyAndTheSender() {
    ChannelComposed sms =
        composer.compose(
            "sms",
            map("body", "Hi {{customer.first_name}}, your code is {{trigger.code}}"),
            " {{ '+15555550199' }} ",
            VARS);
    assertThat(sms.body()).isEqualTo("Hi Ada, your code is 1234");
    assertThat(sms.from()).isEqualTo("+15555550199");
    assertThat(sms.subject()).isEmpty();
    assertThat(sms.payload()).isEmpty();
  }

  @Test
  void pushMapsCustomerIoFieldsToPayloadKeys() {
    ChannelComposed push =
        composer.compose(
            "push",
            map(
                "title", "Order {{trigger.order.id}}",
                "message", "Shipped, {{customer.first_name}}",
                "image_url", "https://cdn.example.com/{{customer.plan}}.png",
                "link", "app://orders/{{trigger.order.id}}",
                "sound", "default",
                "custom_data", map("order", "{{trigger.order.id}}", "kind", "shipping"),
                "custom_payload", map("ios", map("aps", map("badge", 3)))),
            null,
            VARS);
    assertThat(push.subject()).isEqualTo("Order 7");
    assertThat(push.body()).isEqualTo("Shipped, Ada");
    assertThat(push.payload())
        .containsEntry("image_url", "https://cdn.example.com/pro.png")
        .containsEntry("link", "app://orders/7")
        .containsEntry("sound", "default")
        .containsEntry("data", map("order", "7", "kind", "shipping"))
        .containsEntry("custom_payload", map("ios", map("aps", map("badge", 3))));
    OutboundMessage out =
        ChannelComposed.fromStored(push.withPayload("platform", "ios").stored())
            .toOutbound("d1", "tok-1", "cio-9");
    assertThat(out.channel()).isEqualTo(ChannelKind.PUSH);
    assertThat(out.recipient()).isEqualTo("tok-1");
    assertThat(out.subject()).isEqualTo("Order 7");
    assertThat(out.body()).isEqualTo("Shipped, Ada");
    assertThat(out.payload()).containsEntry("platform", "ios");
    assertThat(out.metadata()).containsEntry("delivery_id", "d1").containsEntry("cio_id", "cio-9");
  }

  @Test
  void whatsAppTemplatesRenderTheirParameters() {
    ChannelComposed wa =
        composer.compose(
            "whatsapp",
            map(
                "template",
                map(
                    "name",
                    "order_update",
                    "language",
                    "en_US",
                    "components",
                    List.of(
                        map(
                            "type",
                            "body",
                            "parameters",
                            List.of(map("type", "text", "text", "{{customer.first_name}}")))))),
            null,
            VARS);
    assertThat(wa.payload()).containsEntry("type", "template");
    assertThat(wa.payload().get("template"))
        .isEqualTo(
            map(
                "name",
                "order_update",
                "language",
                "en_US",
                "components",
                List.of(
                    map(
                        "type",
                        "body",
                        "parameters",
                        List.of(map("type", "text", "text", "Ada"))))));
    ChannelComposed text =
        composer.compose("whatsapp", map("body", "Hello {{customer.first_name}}"), null, VARS);
    assertThat(text.body()).isEqualTo("Hello Ada");
    assertThat(text.payload()).containsEntry("type", "text");
  }

  @Test
  void inAppDefaultsToAModalAndRendersButtons() {
    ChannelComposed inApp =
        composer.compose(
            "in_app",
            map(
                "title",
                "Welcome {{customer.first_name}}",
                "message",
                "You are on {{customer.plan}}",
                "buttons",
                List.of(
                    map(
                        "label",
                        "See {{customer.plan}}",
                        "action",
                        "open_url",
                        "url",
                        "https://x.io/{{customer.id}}"))),
            null,
            VARS);
    assertThat(inApp.subject()).isEqualTo("Welcome Ada");
    assertThat(inApp.body()).isEqualTo("You are on pro");
    assertThat(inApp.payload())
        .containsEntry("type", "modal")
        .containsEntry(
            "buttons",
            List.of(map("label", "See pro", "action", "open_url", "url", "https://x.io/42")));
  }

  @Test
  void anUndefinedVariableNamesTheFieldPathAndLine() {
    assertThatThrownBy(
            () ->
                composer.compose(
                    "in_app",
                    map(
                        "message",
                        "ok",
                        "buttons",
                        List.of(map("label", "a\n{{customer.nickname}}"))),
                    null,
                    VARS))
        .isInstanceOf(ChannelComposer.RenderFailure.class)
        .hasMessage("buttons[0].label line 2: customer.nickname is not defined");
    assertThatThrownBy(() -> composer.compose("sms", map("body", "{{trigger.nope}}"), null, VARS))
        .hasMessageStartingWith("body line 1: trigger.nope");
  }

  @Test
  void webhookRendersUrlHeadersAndBodyAndKeepsItsAttemptLimit() {
    Map<String, Object> content =
        map(
            "url",
            "https://crm.example/people/{{customer.id}}",
            "method",
            "put",
            "headers",
            map("X-Plan", "{{customer.plan}}", "Authorization", "Bearer t"),
            "body",
            "{\"name\":\"{{customer.first_name}}\",\"order\":{{trigger.order.id}}}",
            "timeout_seconds",
            7L,
            "retries",
            0L);
    ChannelComposed hook = composer.compose("webhook", content, null, VARS);
    assertThat(composer.address("webhook", content, VARS))
        .isEqualTo("https://crm.example/people/42");
    assertThat(hook.body()).isEqualTo("{\"name\":\"Ada\",\"order\":7}");
    assertThat(hook.headers())
        .containsEntry("X-Plan", "pro")
        .containsEntry("Authorization", "Bearer t");
    assertThat(hook.payload()).containsEntry("method", "PUT").containsEntry("timeout_seconds", 7);
    assertThat(hook.maxAttempts()).isEqualTo(1);

    // Stored and read back as the sender does, then handed to the plugin.
    ChannelComposed stored = ChannelComposed.fromStored(hook.stored());
    assertThat(stored).isEqualTo(hook);
    OutboundMessage out = stored.toOutbound("d-1", "https://crm.example/people/42", "c-1");
    assertThat(out.channel()).isEqualTo(ChannelKind.WEBHOOK);
    assertThat(out.recipient()).isEqualTo("https://crm.example/people/42");
    assertThat(out.headers()).containsEntry("X-Plan", "pro");
    assertThat(out.body()).isEqualTo("{\"name\":\"Ada\",\"order\":7}");
    assertThat(out.payload().get("method")).isEqualTo("PUT");
  }

  @Test
  void webhookWithoutMethodOrRetriesPostsWithTheSettingsAttempts() {
    ChannelComposed hook =
        composer.compose("webhook", map("url", "https://x.example/"), null, VARS);
    assertThat(hook.payload()).containsEntry("method", "POST").doesNotContainKey("timeout_seconds");
    assertThat(hook.maxAttempts()).isNull();
    assertThat(hook.headers()).isEmpty();
  }

  @Test
  void contentStoredBeforeHeadersExistedStillReads() {
    ChannelComposed old =
        ChannelComposed.fromStored(
            StoredBody.of(
                "{\"channel\":\"sms\",\"subject\":\"\",\"body\":\"hi\",\"from\":\"\",\"payload\":{}}"));
    assertThat(old.headers()).isEmpty();
    assertThat(old.maxAttempts()).isNull();
    assertThat(old.body()).isEqualTo("hi");
  }

  @Test
  void slackRendersTextBlocksAndItsChannel() {
    Map<String, Object> content =
        map(
            "text", "New {{customer.plan}} customer",
            "blocks",
                List.of(
                    map(
                        "type",
                        "section",
                        "text",
                        map("type", "mrkdwn", "text", "*{{customer.first_name}}*"))),
            "slack_channel", "{{ 'C0' }}123");
    ChannelComposed slack = composer.compose("slack", content, null, VARS);
    assertThat(slack.body()).isEqualTo("New pro customer");
    assertThat(slack.payload().get("blocks"))
        .isEqualTo(List.of(map("type", "section", "text", map("type", "mrkdwn", "text", "*Ada*"))));
    assertThat(composer.address("slack", content, VARS)).isEqualTo("C0123");
    assertThat(composer.address("slack", map("text", "x"), VARS)).isEmpty();
  }

  @Test
  void anUndefinedVariableInAWebhookUrlNamesTheField() {
    assertThatThrownBy(
            () ->
                composer.address(
                    "webhook", map("url", "https://x.example/{{customer.nope}}"), VARS))
        .isInstanceOf(ChannelComposer.RenderFailure.class)
        .hasMessageContaining("url");
  }

  @Test
  void snippetsRenderWithThePersonsVariablesInEveryField() {
    ChannelComposed push =
        composer.compose(
            "push",
            map(
                "title", "{{ snippets.brand }}",
                "message", "Hi {{customer.first_name}}. {{ snippets[\"sign-off\"] }}",
                "custom_data", map("footer", "{{snippets.brand}}")),
            null,
            VARS,
            Map.of("brand", "Acme {{customer.plan}}", "sign-off", "Bye"));
    assertThat(push.subject()).isEqualTo("Acme pro");
    assertThat(push.body()).isEqualTo("Hi Ada. Bye");
    assertThat(push.payload()).containsEntry("data", Map.of("footer", "Acme pro"));

    ChannelComposed sms =
        composer.compose(
            "sms",
            map("body", "Code {{trigger.code}}"),
            "{{snippets.sender}}",
            VARS,
            Map.of("sender", "+15555550199"));
    assertThat(sms.from()).isEqualTo("+15555550199");
  }

  @Test
  void aMissingOrBrokenSnippetFailsTheMessageNamingIt() {
    assertThatThrownBy(
            () -> composer.compose("sms", map("body", "{{snippets.gone}}"), null, VARS, Map.of()))
        .isInstanceOf(ChannelComposer.RenderFailure.class)
        .hasMessageContaining("snippets.gone");
    assertThatThrownBy(
            () ->
                composer.compose(
                    "sms",
                    map("body", "{{snippets.brand}}"),
                    null,
                    VARS,
                    Map.of("brand", "{{customer.nickname}}")))
        .isInstanceOf(ChannelComposer.RenderFailure.class)
        .hasMessage("snippets.brand line 1: customer.nickname is not defined");
  }

  @Test
  void snippetNamesAreFoundInNestedFieldsAndTheSender() {
    assertThat(
            ChannelComposer.snippetNames(
                map(
                    "message",
                    "{{snippets.a}}",
                    "buttons",
                    List.of(map("label", "{{ snippets['b c'] }}")),
                    "custom_data",
                    map("k", "{{snippets.d}}"),
                    "count",
                    3),
                "{{snippets.e}}"))
        .containsExactly("a", "b c", "d", "e");
    assertThat(ChannelComposer.snippetNames(map("body", "no snippets"), null)).isEmpty();
  }

  @Test
  void whatsAppLanguageOverridesTheTemplatesAndMediaBecomesThePayloadType() {
    ChannelComposed template =
        composer.compose(
            "whatsapp",
            map("template", map("name", "order_update", "language", "en_US"), "language", "fr"),
            null,
            VARS);
    assertThat(template.payload())
        .containsEntry("type", "template")
        .containsEntry(
            "template", map("name", "order_update", "language", "fr", "components", List.of()));

    ChannelComposed media =
        composer.compose(
            "whatsapp",
            map(
                "body",
                "Invoice for {{customer.first_name}}",
                "media",
                map(
                    "type", "document",
                    "link", "https://files.test/{{trigger.code}}.pdf",
                    "filename", "Invoice.pdf")),
            null,
            VARS);
    assertThat(media.body()).isEqualTo("Invoice for Ada");
    assertThat(media.payload())
        .containsEntry("type", "document")
        .containsEntry(
            "media", map("link", "https://files.test/1234.pdf", "filename", "Invoice.pdf"));
  }
}
