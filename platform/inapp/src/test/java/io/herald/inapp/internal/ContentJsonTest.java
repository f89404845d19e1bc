package io.herald.inapp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.inapp.api.InAppButton;
import io.herald.inapp.api.InAppContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentJsonTest {

  @Test
  void contentSurvivesItsStoredForm() {
    InAppContent c =
        new InAppContent(
            "Tïtle \"quoted\"",
            "<b>not html</b>\nline",
            "banner",
            List.of(
                new InAppButton("Go", "url", "https://example.com/?a=1&b=2"),
                new InAppButton("Close", "dismiss", "")),
            "https://cdn.example.com/i.png");

    String json = ContentJson.write(c).toString();

    assertThat(ContentJson.read(json)).isEqualTo(c);
    assertThat(json)
        .contains("\"type\":\"banner\"")
        .contains("\"image_url\":\"https://cdn.example.com/i.png\"");
  }
}
