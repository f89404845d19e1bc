package io.herald.messaging.api;

import java.util.Map;

/**
 * How fast Herald may send through one channel setting, per node: {@code perSecond} messages a
 * second, of which up to {@code burst} may go at once (no one-second window carries more than
 * perSecond + burst), and optional limits per recipient domain (messages per second, one at a
 * time). Transactional sends keep a fifth of the burst that bulk sends cannot take.
 *
 * @param perSecond messages per second through the provider, 1 or more
 * @param burst messages that may go at once after a quiet spell, 0 or more
 * @param domains messages per second per recipient domain (lower-case), may be empty
 */
public record SendRateLimit(int perSecond, int burst, Map<String, Integer> domains) {

  /** Copies the map. */
  public SendRateLimit {
    domains = domains == null ? Map.of() : Map.copyOf(domains);
  }
}
