package io.herald.plugin.api;

import java.util.Map;
import java.util.Optional;

/**
 * Validated settings of one provider instance, secrets already decrypted by the host. Values are
 * strings as entered; use the typed accessors to read them.
 *
 * @param values setting values keyed by {@link ConfigProperty#name()}
 */
public record ChannelConfig(Map<String, String> values) {

  /** Copies the map. */
  public ChannelConfig {
    values = Map.copyOf(values);
  }

  /** The value of {@code name}, if set and not blank. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }

  /** The value of {@code name}; fails when it is missing, which schema validation prevents. */
  public String require(String name) {
    return get(name).orElseThrow(() -> new IllegalStateException(name + " is not configured"));
  }

  /** The value of {@code name} as a whole number, or {@code fallback} when unset. */
  public long getLong(String name, long fallback) {
    return get(name).map(String::trim).map(Long::parseLong).orElse(fallback);
  }

  /** The value of {@code name} as a boolean, or {@code fallback} when unset. */
  public boolean getBoolean(String name, boolean fallback) {
    return get(name).map(Boolean::parseBoolean).orElse(fallback);
  }

  /** Hides secret values so a config can be logged safely. */
  @Override
  public String toString() {
    return "ChannelConfig" + values.keySet();
  }
}
