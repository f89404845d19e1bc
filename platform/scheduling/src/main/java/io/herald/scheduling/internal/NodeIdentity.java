package io.herald.scheduling.internal;

import io.herald.shared.crypto.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;

/** Who this node is: a fresh id per process, so a restarted node shows as a new node. */
@ApplicationScoped
public class NodeIdentity {

  private final String nodeId;
  private final String host;
  private final Instant startedAt;

  /** For CDI proxies. */
  protected NodeIdentity() {
    this(Clock.systemUTC());
  }

  @Inject
  NodeIdentity(Clock clock) {
    this.host = hostName();
    String prefix = host.replaceAll("[^A-Za-z0-9-]", "").toLowerCase(java.util.Locale.ROOT);
    this.nodeId =
        (prefix.length() > 40 ? prefix.substring(0, 40) : prefix) + "-" + Tokens.randomHex(4);
    this.startedAt = clock.instant();
  }

  String nodeId() {
    return nodeId;
  }

  String host() {
    return host;
  }

  Instant startedAt() {
    return startedAt;
  }

  /** The Herald version from the WAR's manifest, or {@code dev} when run from classes. */
  String version() {
    String version = NodeIdentity.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
