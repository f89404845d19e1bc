package io.herald.plugin.api;

import java.util.Objects;

/**
 * A provider's view of its own health, shown on the console and used by readiness.
 *
 * @param status up, degraded or down
 * @param detail one line explaining the status, without secrets
 */
public record ProviderHealth(Status status, String detail) {

  /** Health levels. */
  public enum Status {
    /** Sending works. */
    UP,
    /** Sending works but slower or partly. */
    DEGRADED,
    /** Sending fails. */
    DOWN
  }

  /** Requires the status. */
  public ProviderHealth {
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
  }

  /** Healthy with a detail line. */
  public static ProviderHealth up(String detail) {
    return new ProviderHealth(Status.UP, detail);
  }

  /** Unhealthy with a reason. */
  public static ProviderHealth down(String detail) {
    return new ProviderHealth(Status.DOWN, detail);
  }
}
