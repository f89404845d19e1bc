package io.herald.inapp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InAppContentTest {

  @Test
  void aFullMessageIsReadWithItsButtons() {
    InAppContent c =
        InAppContent.of(
            " Welcome ",
            "Try the new editor",
            Map.of(
                "type",
                "Banner",
                "image_url",
                "https://cdn.example.com/a.png",
                "buttons",
                List.of(
                    Map.of("label", "Open", "action", "url", "url", "https://example.com/editor"),
                    Map.of("label", "Later", "action", "dismiss"))));

    assertThat(c.title()).isEqualTo("Welcome");
    assertThat(c.message()).isEqualTo("Try the new editor");
    assertThat(c.type()).isEqualTo("banner");
    assertThat(c.imageUrl()).isEqualTo("https://cdn.example.com/a.png");
    assertThat(c.buttons())
        .containsExactly(
            new InAppButton("Open", "url", "https://example.com/editor"),
            new InAppButton("Later", "dismiss", ""));
  }

  @Test
  void defaultsAreAModalAndActionsFromTheUrl() {
    InAppContent c =
        InAppContent.of(
            "Hi",
            null,
            Map.of(
                "buttons",
                List.of(
                    Map.of("label", "Go", "url", "http://example.com"), Map.of("label", "Close"))));

    assertThat(c.type()).isEqualTo("modal");
    assertThat(c.message()).isEmpty();
    assertThat(c.buttons())
        .containsExactly(
            new InAppButton("Go", "url", "http://example.com"),
            new InAppButton("Close", "dismiss", ""));
    assertThat(InAppContent.of(null, "Only text", null).buttons()).isEmpty();
  }

  @Test
  void aMessageNeedsATitleOrText() {
    assertThatThrownBy(() -> InAppContent.of(" ", "", Map.of()))
        .isInstanceOfSatisfying(
            InvalidInAppContentException.class,
            e -> assertThat(e.problems()).containsExactly("title or message is required"));
  }

  @Test
  void everyBadFieldIsNamed() {
    assertThatThrownBy(
            () ->
                InAppContent.of(
                    "x".repeat(256),
                    "y".repeat(4001),
                    Map.of(
                        "type",
                        "popup",
                        "image_url",
                        "javascript:alert(1)",
                        "buttons",
                        List.of(
                            Map.of("label", "", "action", "url"),
                            Map.of("label", "A", "action", "explode"),
                            "not an object",
                            Map.of("label", 5, "url", "ftp://example.com")))))
        .isInstanceOfSatisfying(
            InvalidInAppContentException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "title is longer than 255 characters",
                        "message is longer than 4000 characters",
                        "type must be modal or banner",
                        "image_url must be an absolute http or https URL",
                        "buttons may have at most 3 entries"));
  }

  @Test
  void buttonProblemsNameTheirIndex() {
    assertThatThrownBy(
            () ->
                InAppContent.of(
                    "t",
                    "m",
                    Map.of(
                        "buttons",
                        List.of(
                            Map.of("label", "", "action", "url"),
                            Map.of("label", "A", "action", "explode"),
                            Map.of("label", 5, "url", "ftp://example.com")))))
        .isInstanceOfSatisfying(
            InvalidInAppContentException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "buttons[0].label is required",
                        "buttons[0].url is required for action url",
                        "buttons[1].action must be dismiss or url",
                        "buttons[2].label must be a string",
                        "buttons[2].label is required",
                        "buttons[2].url must be an absolute http or https URL"));
  }

  @Test
  void wrongTypesAreRefused() {
    assertThatThrownBy(
            () ->
                InAppContent.of(
                    "t",
                    "m",
                    Map.of("type", 3, "buttons", Map.of("label", "x"), "image_url", List.of())))
        .isInstanceOfSatisfying(
            InvalidInAppContentException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "type must be modal or banner",
                        "buttons must be a list",
                        "image_url must be a string"));
  }

  @Test
  void aDismissButtonDropsItsUrlAndLongUrlsAreRefused() {
    InAppContent c =
        InAppContent.of(
            "t",
            "m",
            Map.of(
                "buttons",
                List.of(Map.of("label", "No", "action", "dismiss", "url", "https://x.test"))));
    assertThat(c.buttons()).containsExactly(new InAppButton("No", "dismiss", ""));

    String longUrl = "https://example.com/" + "a".repeat(2048);
    assertThatThrownBy(() -> InAppContent.of("t", "m", Map.of("image_url", longUrl)))
        .hasMessage("image_url is longer than 2048 characters");
  }
}
