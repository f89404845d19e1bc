package io.herald.pluginhost.internal;

import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import io.herald.pluginhost.api.PluginInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Shared fixture of the Pf4jPluginHost tests: a plugins directory, a host, small helpers. */
abstract class Pf4jPluginHostTestBase {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

  @TempDir Path root;

  Pf4jPluginHost host;

  Pf4jPluginHost start(Path dir) {
    host = new Pf4jPluginHost(dir, CLOCK, "1.0.0");
    host.start();
    return host;
  }

  Pf4jPluginHost start() {
    return start(root);
  }

  @AfterEach
  void stopHost() {
    if (host != null) {
      host.stop();
    }
  }

  PluginInfo plugin(String id) {
    return host.plugins().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no plugin " + id + " in " + host.plugins()));
  }

  static Map<String, String> requiring(String id, String requires) {
    Map<String, String> descriptor = PluginDirs.descriptor(id);
    descriptor.put("plugin.requires", requires);
    return descriptor;
  }

  static OutboundMessage message(String key) {
    return new OutboundMessage(key, ChannelKind.SMS, "+15550100", "", "hi", null, null);
  }
}
