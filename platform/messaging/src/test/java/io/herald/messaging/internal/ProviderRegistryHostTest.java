package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.HostChannelProvider;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.pluginhost.api.PluginHost;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry offers host channel providers: by a setting that names them, or as the default. */
class ProviderRegistryHostTest {

  private final List<WorkspaceId> created = new ArrayList<>();
  private final Map<String, DefaultChannelSettings.Stored> stored = new java.util.HashMap<>();
  private ProviderRegistry registry;

  /** The in-app provider as a host module offers it. */
  private final HostChannelProvider inApp =
      new HostChannelProvider() {
        @Override
        public ChannelDescriptor descriptor() {
          return new ChannelDescriptor("in-app", ChannelKind.IN_APP, "In-app", "");
        }

        @Override
        public ChannelProvider create(WorkspaceId workspace) {
          created.add(workspace);
          return new ChannelProvider() {
            @Override
            public DeliveryResult send(OutboundMessage message) {
              return DeliveryResult.accepted(message.idempotencyKey());
            }

            @Override
            public ProviderHealth health() {
              return ProviderHealth.up("test");
            }
          };
        }
      };

  private final java.util.concurrent.atomic.AtomicLong changes =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger reads =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void registry() {
    registry = new ProviderRegistry();
    registry.clock = java.time.Clock.systemUTC();
    registry.settings =
        new DefaultChannelSettings() {
          @Override
          long changes() {
            return changes.get();
          }

          @Override
          Optional<Stored> stored(long workspaceId, String name) {
            reads.incrementAndGet();
            return Optional.ofNullable(stored.get(workspaceId + "/" + name));
          }

          @Override
          Optional<Stored> defaultFor(long workspaceId, String channel) {
            return stored.values().stream()
                .filter(s -> s.workspaceId() == workspaceId && s.channel().equals(channel))
                .findFirst();
          }
        };
    registry.plugins =
        (PluginHost)
            Proxy.newProxyInstance(
                PluginHost.class.getClassLoader(),
                new Class<?>[] {PluginHost.class},
                (proxy, method, args) -> {
                  throw new AssertionError("the plugin host was asked: " + method.getName());
                });
    registry.hosts = instance(inApp);
  }

  @SuppressWarnings("unchecked")
  private static Instance<HostChannelProvider> instance(HostChannelProvider host) {
    return (Instance<HostChannelProvider>)
        Proxy.newProxyInstance(
            Instance.class.getClassLoader(),
            new Class<?>[] {Instance.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "stream" -> Stream.of(host);
                  case "iterator" -> List.of(host).iterator();
                  default -> throw new AssertionError("unexpected " + method.getName());
                });
  }

  @Test
  void aChannelWithoutASettingGoesToTheHostProviderServingIt() throws Exception {
    Optional<ProviderRegistry.Resolved> first = registry.resolve(7, "in_app", null);
    Optional<ProviderRegistry.Resolved> again = registry.resolve(7, "in_app", null);
    Optional<ProviderRegistry.Resolved> other = registry.resolve(8, "in_app", null);

    assertThat(first).isPresent();
    assertThat(first.get().settingName()).isEqualTo("in-app");
    assertThat(again.get().provider()).isSameAs(first.get().provider());
    assertThat(other.get().provider()).isNotSameAs(first.get().provider());
    assertThat(created).containsExactly(new WorkspaceId(7), new WorkspaceId(8));
  }

  @Test
  void otherChannelsAndMissingNamedSettingsStayUnresolved() throws Exception {
    assertThat(registry.resolve(7, "sms", null)).isEmpty();
    assertThat(registry.resolve(7, "in_app", "gone")).isEmpty();
    assertThat(created).isEmpty();
  }

  @Test
  void aSettingNamingTheHostProviderIsServedByIt() throws Exception {
    stored.put(
        "7/web",
        new DefaultChannelSettings.Stored(7, "web", "in_app", "in-app", Map.of(), null, 3));

    Optional<ProviderRegistry.Resolved> byName = registry.resolve(7, "in_app", "web");
    Optional<ProviderRegistry.Resolved> byDefault = registry.resolve(7, "in_app", null);

    assertThat(byName.get().settingName()).isEqualTo("web");
    assertThat(byName.get().version()).isEqualTo(3);
    assertThat(byDefault.get().provider()).isSameAs(byName.get().provider());
    assertThat(created).containsExactly(new WorkspaceId(7));
  }

  @Test
  void aSettingIsReadOncePerSecondUnlessItChangesOnThisNode() throws Exception {
    stored.put(
        "7/web",
        new DefaultChannelSettings.Stored(7, "web", "in_app", "in-app", Map.of(), null, 3));
    java.time.Instant start = java.time.Instant.parse("2026-11-30T08:00:00Z");
    registry.clock = java.time.Clock.fixed(start, java.time.ZoneOffset.UTC);

    registry.resolve(7, "in_app", "web");
    registry.resolve(7, "in_app", "web");
    assertThat(reads).hasValue(1);

    // Saved on this node: the next send reads it again and gets a provider of the new version.
    stored.put(
        "7/web",
        new DefaultChannelSettings.Stored(7, "web", "in_app", "in-app", Map.of(), null, 4));
    changes.incrementAndGet();
    assertThat(registry.resolve(7, "in_app", "web").get().version()).isEqualTo(4);
    assertThat(reads).hasValue(2);

    // Saved elsewhere: seen once the second is over.
    stored.remove("7/web");
    assertThat(registry.resolve(7, "in_app", "web")).isPresent();
    registry.clock =
        java.time.Clock.fixed(start.plus(ProviderRegistry.READ_FOR), java.time.ZoneOffset.UTC);
    assertThat(registry.resolve(7, "in_app", "web")).isEmpty();
    assertThat(reads).hasValue(3);
  }
}
