package io.herald.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.ChannelSettingInput;
import io.herald.messaging.api.ChannelSettingView;
import io.herald.messaging.api.ChannelSettings;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ConfigSchema;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginHost;
import io.herald.pluginhost.api.PluginInfo;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevOutboxChannelTest {

  private static final WorkspaceId WORKSPACE = new WorkspaceId(7);
  private static final ChannelProviderInfo OUTBOX =
      provider("channel-dev-outbox", "dev-outbox", ChannelKind.EMAIL);
  private static final ChannelProviderInfo SMTP =
      provider("channel-email-smtp", "email-smtp", ChannelKind.EMAIL);

  private final InMemoryChannelSettings settings = new InMemoryChannelSettings();
  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger logger = Logger.getLogger(DevOutboxChannel.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    logger.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    logger.removeHandler(capture);
  }

  @Test
  void embeddedFirstStartCreatesTheDefaultEmailSettingOnTheOutbox() {
    DevOutboxChannel channel = new DevOutboxChannel(settings, host(true, SMTP, OUTBOX), true);

    assertThat(channel.setUp(WORKSPACE)).isTrue();

    assertThat(settings.saved)
        .containsExactly(
            new ChannelSettingInput("dev-outbox", "email", "dev-outbox", Map.of(), true, null));
    assertThat(logged)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.INFO);
              assertThat(r.getMessage()).contains("development outbox", "dev-outbox");
            });
  }

  @Test
  void withAnExternalDatabaseNothingIsCreatedNorLogged() {
    DevOutboxChannel channel = new DevOutboxChannel(settings, host(true, OUTBOX), false);

    assertThat(channel.setUp(WORKSPACE)).isFalse();

    assertThat(settings.saved).isEmpty();
    assertThat(logged).isEmpty();
  }

  @Test
  void withoutTheStartedPluginOneInfoLineAndNoSetting() {
    DevOutboxChannel channel = new DevOutboxChannel(settings, host(true, SMTP), true);

    assertThat(channel.setUp(WORKSPACE)).isFalse();

    assertThat(settings.saved).isEmpty();
    assertThat(logged)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.INFO);
              assertThat(r.getMessage())
                  .contains("dev-outbox plugin is not started", "/srv/plugins");
            });
  }

  @Test
  void aPluginHostThatIsNotReadyCountsAsAMissingPlugin() {
    DevOutboxChannel channel = new DevOutboxChannel(settings, host(false, OUTBOX), true);

    assertThat(channel.setUp(WORKSPACE)).isFalse();

    assertThat(settings.saved).isEmpty();
    assertThat(logged).singleElement().extracting(LogRecord::getLevel).isEqualTo(Level.INFO);
  }

  @Test
  void aWorkspaceThatAlreadyHasAnEmailChannelKeepsIt() {
    settings.save(
        WORKSPACE, new ChannelSettingInput("smtp", "email", "email-smtp", Map.of(), true, null));
    DevOutboxChannel channel = new DevOutboxChannel(settings, host(true, SMTP, OUTBOX), true);

    assertThat(channel.setUp(WORKSPACE)).isFalse();

    assertThat(settings.saved).extracting(ChannelSettingInput::name).containsExactly("smtp");
  }

  @Test
  void aRefusedSaveIsAWarningNotAFailedStart() {
    settings.refuse = true;
    DevOutboxChannel channel = new DevOutboxChannel(settings, host(true, OUTBOX), true);

    assertThat(channel.setUp(WORKSPACE)).isFalse();

    assertThat(logged).singleElement().extracting(LogRecord::getLevel).isEqualTo(Level.WARNING);
  }

  private static ChannelProviderInfo provider(String pluginId, String id, ChannelKind kind) {
    return new ChannelProviderInfo(
        pluginId, new ChannelDescriptor(id, kind, id, ""), ConfigSchema.builder().build());
  }

  private static PluginHost host(boolean ready, ChannelProviderInfo... providers) {
    return new PluginHost() {
      @Override
      public String pluginApiVersion() {
        return "1.3.0";
      }

      @Override
      public String pluginsDirectory() {
        return "/srv/plugins";
      }

      @Override
      public List<PluginInfo> plugins() {
        return List.of();
      }

      @Override
      public List<ChannelProviderInfo> channelProviders() {
        return ready ? List.of(providers) : List.of();
      }

      @Override
      public boolean ready() {
        return ready;
      }

      @Override
      public ChannelProvider createProvider(String channelProviderId, ChannelConfig config) {
        throw new IllegalArgumentException("not used by the bootstrap: " + channelProviderId);
      }
    };
  }

  /** Keeps saves in a list, as {@code messaging_channel} would keep rows. */
  private static final class InMemoryChannelSettings implements ChannelSettings {
    final List<ChannelSettingInput> saved = new ArrayList<>();
    boolean refuse;

    @Override
    public ChannelSettingView save(WorkspaceId workspace, ChannelSettingInput input) {
      if (refuse) {
        throw new InvalidMessageException(List.of("provider dev-outbox is refused"));
      }
      saved.add(input);
      return view(input);
    }

    @Override
    public List<ChannelSettingView> list(WorkspaceId workspace) {
      return saved.stream().map(InMemoryChannelSettings::view).toList();
    }

    @Override
    public boolean delete(WorkspaceId workspace, String name) {
      return saved.removeIf(s -> s.name().equals(name));
    }

    private static ChannelSettingView view(ChannelSettingInput input) {
      return new ChannelSettingView(
          input.name(),
          input.channel(),
          input.provider(),
          input.settings(),
          Set.of(),
          input.isDefault(),
          input.rateLimit(),
          Instant.EPOCH,
          "http://localhost:8080/callbacks/test-token");
    }
  }
}
