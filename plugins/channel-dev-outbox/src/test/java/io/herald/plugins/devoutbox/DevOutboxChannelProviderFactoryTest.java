package io.herald.plugins.devoutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.tck.TestPluginContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevOutboxChannelProviderFactoryTest {

  private final DevOutboxChannelProviderFactory factory = new DevOutboxChannelProviderFactory();
  private final TestPluginContext context = new TestPluginContext("channel-dev-outbox");

  @Test
  void describesTheDevOutboxEmailChannel() {
    assertThat(factory.descriptor().id()).isEqualTo("dev-outbox");
    assertThat(factory.descriptor().kind()).isEqualTo(ChannelKind.EMAIL);
  }

  @Test
  void itsOnlySettingsAreAnOptionalSenderAndHowManyToKeep() {
    assertThat(factory.configSchema().properties())
        .extracting(
            ConfigProperty::name,
            ConfigProperty::type,
            ConfigProperty::required,
            ConfigProperty::secret,
            ConfigProperty::defaultValue)
        .containsExactly(
            tuple("default_from", ConfigProperty.Type.STRING, false, false, null),
            tuple("keep", ConfigProperty.Type.INTEGER, false, false, "100"));
    assertThat(factory.configSchema().validate(Map.of())).isEmpty();
  }

  @Test
  void keepsOneHundredByDefault() throws Exception {
    assertThat(factory.create(new ChannelConfig(Map.of()), context).health().detail())
        .contains("(keep 100)");
  }

  @Test
  void refusesAKeepOutOfRangeAndAnUnusableDefaultSender() {
    assertThatThrownBy(
            () ->
                factory.create(
                    new ChannelConfig(Map.of("keep", "-1", "default_from", "nobody")), context))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "keep: must be a whole number from 0 to 10000",
                        "default_from: is not a valid email address"));
    assertThatThrownBy(() -> factory.create(new ChannelConfig(Map.of("keep", "10001")), context))
        .isInstanceOf(InvalidConfigException.class);
  }
}
