package io.herald.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelFieldsTest {

  @Test
  void eachChannelNeedsItsText() {
    assertThat(ChannelFields.problems("sms", Map.of("body", "hi"))).isEmpty();
    assertThat(ChannelFields.problems("sms", Map.of("body", " ")))
        .containsExactly("body must not be empty");
    assertThat(ChannelFields.problems("push", Map.of("title", "t")))
        .containsExactly("message must not be empty");
    assertThat(ChannelFields.problems("in_app", Map.of("message", "m", "type", "modal"))).isEmpty();
  }

  @Test
  void inAppTypesAndButtonsAreChecked() {
    assertThat(
            ChannelFields.problems(
                "in_app",
                Map.of("message", "m", "type", "popup", "buttons", List.of(Map.of("url", "u")))))
        .containsExactly(
            "type must be modal or banner", "buttons[0].label must be a non-empty string");
  }

  @Test
  void whatsAppTakesTextOrATemplateWithNameAndLanguage() {
    assertThat(ChannelFields.problems("whatsapp", Map.of()))
        .containsExactly("body, template or media is required for a WhatsApp message");
    assertThat(
            ChannelFields.problems(
                "whatsapp", Map.of("body", "b", "template", Map.of("name", "n", "language", "en"))))
        .containsExactly("give either body or template, not both");
    assertThat(
            ChannelFields.problems(
                "whatsapp", Map.of("template", Map.of("name", "", "components", "x"))))
        .containsExactly(
            "template.name must be a non-empty string",
            "template.language must be a language code such as en_US",
            "template.components must be an array");
  }

  @Test
  void whatsAppLanguageStandsForTheTemplatesAndMediaIsChecked() {
    assertThat(
            ChannelFields.problems(
                "whatsapp", Map.of("template", Map.of("name", "n"), "language", "pt_BR")))
        .isEmpty();
    assertThat(
            ChannelFields.problems(
                "whatsapp", Map.of("template", Map.of("name", "n"), "language", "not a code")))
        .containsExactly("language must be a language code such as en_US, not not a code");
    assertThat(
            ChannelFields.problems(
                "whatsapp",
                Map.of(
                    "body",
                    "caption",
                    "media",
                    Map.of("type", "image", "link", "https://x/a.png"))))
        .isEmpty();
    assertThat(ChannelFields.problems("whatsapp", Map.of("media", Map.of("type", "sticker"))))
        .containsExactly(
            "media.type must be one of image, video, audio, document",
            "media.link (an http or https URL) or media.id is required");
    assertThat(
            ChannelFields.problems(
                "whatsapp",
                Map.of("body", "words", "media", Map.of("type", "audio", "link", "ftp://x/a.mp3"))))
        .containsExactly(
            "body cannot go with audio media: WhatsApp audio has no caption",
            "media.link must be an http or https URL");
    assertThat(
            ChannelFields.problems(
                "whatsapp",
                Map.of(
                    "template", Map.of("name", "n", "language", "en"),
                    "media", Map.of("type", "image", "id", "123"))))
        .containsExactly(
            "media cannot go with a template (a template's header media goes in its components)");
  }

  @Test
  void unknownChannelsAreRefused() {
    assertThatThrownBy(() -> ChannelFields.of("fax")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ChannelFields.of("push"))
        .extracting(ChannelFields.Field::name)
        .containsExactly(
            "title", "message", "image_url", "link", "sound", "custom_data", "custom_payload");
  }

  @Test
  void webhooksNeedAUrlAndAKnownMethodAndSlackNeedsTextOrBlocks() {
    assertThat(ChannelFields.problems("webhook", Map.of("url", "https://x.example/"))).isEmpty();
    assertThat(ChannelFields.problems("webhook", Map.of("method", "TRACE")))
        .containsExactly(
            "url must not be empty",
            "method must be one of GET, POST, PUT, PATCH, DELETE, not TRACE");
    // A Liquid method is checked once rendered, by the plugin.
    assertThat(
            ChannelFields.problems(
                "webhook", Map.of("url", "https://x.example/", "method", "{{trigger.m}}")))
        .isEmpty();
    assertThat(ChannelFields.problems("slack", Map.of("text", "hi"))).isEmpty();
    assertThat(
            ChannelFields.problems("slack", Map.of("blocks", List.of(Map.of("type", "divider")))))
        .isEmpty();
    assertThat(ChannelFields.problems("slack", Map.of("slack_channel", "C1")))
        .containsExactly("text or blocks is required for a Slack message");
    assertThat(ChannelFields.ADDRESSED).containsExactlyInAnyOrder("webhook", "slack");
  }
}
