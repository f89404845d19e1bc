package io.herald.inapp.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The module's configuration keys ({@code herald.inapp.*}). */
@ApplicationScoped
public class InAppSettings {

  @Inject
  @ConfigProperty(name = "herald.inapp.token-ttl-seconds", defaultValue = "86400")
  long tokenTtlSeconds;

  @Inject
  @ConfigProperty(name = "herald.inapp.message-ttl-days", defaultValue = "30")
  long messageTtlDays;

  @Inject
  @ConfigProperty(name = "herald.inapp.allowed-origins", defaultValue = "*")
  String allowedOrigins;

  /** How long an SDK token is accepted after it was issued. */
  public Duration tokenTtl() {
    return Duration.ofSeconds(Math.max(60, tokenTtlSeconds));
  }

  /** How long a queued message is served. */
  public Duration messageTtl() {
    return Duration.ofDays(Math.max(1, messageTtlDays));
  }

  /**
   * The origins browsers may call the SDK endpoints from: {@code *} (any) or the listed origins
   * ({@code https://app.example.com}), comma-separated.
   */
  public List<String> allowedOrigins() {
    return Arrays.stream(allowedOrigins.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
