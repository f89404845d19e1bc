package io.herald.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * One typed setting of a provider, rendered by the console as a form field. Secret properties are
 * write-only: the host encrypts them at rest and never returns their values.
 *
 * @param name key of the value in {@link ChannelConfig}, a lower-camel or dotted identifier
 * @param label human-readable field label
 * @param help one sentence of help shown under the field (may be empty)
 * @param type value type, which the host validates before calling the factory
 * @param required whether a value must be given
 * @param secret whether the value is a credential (write-only, encrypted at rest)
 * @param defaultValue value used when none is given (may be {@code null})
 * @param options allowed values for {@link Type#CHOICE} (empty otherwise)
 */
public record ConfigProperty(
    String name,
    String label,
    String help,
    Type type,
    boolean required,
    boolean secret,
    String defaultValue,
    List<String> options) {

  /** Value types the host knows how to render and validate. */
  public enum Type {
    /** A single line of text. */
    STRING,
    /** Several lines of text (for example a PEM key or a JSON document). */
    TEXT,
    /** A whole number. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An absolute http or https URL. */
    URL,
    /** One value out of {@link ConfigProperty#options()}. */
    CHOICE
  }

  /** Validates the declaration itself (not a value). */
  public ConfigProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    help = help == null ? "" : help;
    options = options == null ? List.of() : List.copyOf(options);
    if (!name.matches("[a-zA-Z][a-zA-Z0-9_.]{0,63}")) {
      throw new IllegalArgumentException("config property name is not an identifier: " + name);
    }
    if (type == Type.CHOICE && options.isEmpty()) {
      throw new IllegalArgumentException("CHOICE property " + name + " needs options");
    }
  }
}
