package io.herald.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelConfigTest {

  @Test
  void toStringShowsKeysButNoValues() {
    ChannelConfig config = new ChannelConfig(Map.of("apiKey", "sk_live_123456", "region", "eu"));

    assertThat(config.toString()).contains("apiKey").doesNotContain("sk_live_123456", "=");
  }

  @Test
  void valuesAreCopied() {
    Map<String, String> values = new HashMap<>(Map.of("a", "1"));
    ChannelConfig config = new ChannelConfig(values);
    values.put("b", "2");

    assertThat(config.values()).containsOnlyKeys("a");
  }

  @Test
  void typedAccessorsFallBackWhenUnsetOrBlank() {
    ChannelConfig config = new ChannelConfig(Map.of("n", " 12 ", "flag", "true", "blank", " "));

    assertThat(config.getLong("n", 0)).isEqualTo(12);
    assertThat(config.getLong("missing", 7)).isEqualTo(7);
    assertThat(config.getBoolean("flag", false)).isTrue();
    assertThat(config.getBoolean("missing", true)).isTrue();
    assertThat(config.get("blank")).isEmpty();
  }

  @Test
  void requireFailsWithTheSettingName() {
    ChannelConfig config = new ChannelConfig(Map.of());

    assertThatThrownBy(() -> config.require("host"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("host is not configured");
  }
}
