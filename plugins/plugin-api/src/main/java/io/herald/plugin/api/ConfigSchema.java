package io.herald.plugin.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The typed settings a provider factory accepts. The host renders it as a form, validates values
 * with {@link #validate(Map)} before calling {@link ChannelProviderFactory#create}, and treats
 * {@linkplain ConfigProperty#secret() secret} properties as write-only.
 *
 * @param properties the settings, in display order; names are unique
 */
public record ConfigSchema(List<ConfigProperty> properties) {

  /** Copies the list and rejects duplicate names. */
  public ConfigSchema {
    properties = List.copyOf(properties);
    Set<String> names = new HashSet<>();
    for (ConfigProperty property : properties) {
      if (!names.add(property.name())) {
        throw new IllegalArgumentException("duplicate config property: " + property.name());
      }
    }
  }

  /** Starts a schema. */
  public static Builder builder() {
    return new Builder();
  }

  /** The property called {@code name}, if declared. */
  public Optional<ConfigProperty> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * Checks values against the schema: required values present, types respected, no unknown keys.
   *
   * @param values raw values keyed by property name
   * @return one message per problem, naming the property and the reason; empty when valid
   */
  public List<String> validate(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    for (String key : values.keySet()) {
      if (property(key).isEmpty()) {
        problems.add(key + ": unknown setting");
      }
    }
    for (ConfigProperty property : properties) {
      String value = values.get(property.name());
      if (value == null || value.isBlank()) {
        if (property.required() && property.defaultValue() == null) {
          problems.add(property.name() + ": is required");
        }
        continue;
      }
      typeProblem(property, value)
          .ifPresent(reason -> problems.add(property.name() + ": " + reason));
    }
    return List.copyOf(problems);
  }

  private static Optional<String> typeProblem(ConfigProperty property, String value) {
    switch (property.type()) {
      case INTEGER:
        try {
          Long.parseLong(value.trim());
          return Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.of("must be a whole number");
        }
      case BOOLEAN:
        return value.equals("true") || value.equals("false")
            ? Optional.empty()
            : Optional.of("must be true or false");
      case URL:
        try {
          URI uri = new URI(value.trim());
          String scheme = uri.getScheme();
          boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
          return http && uri.getHost() != null
              ? Optional.empty()
              : Optional.of("must be an absolute http or https URL");
        } catch (java.net.URISyntaxException e) {
          return Optional.of("must be an absolute http or https URL");
        }
      case CHOICE:
        return property.options().contains(value)
            ? Optional.empty()
            : Optional.of("must be one of " + property.options());
      default:
        return Optional.empty();
    }
  }

  /** Fluent builder for {@link ConfigSchema}. */
  public static final class Builder {
    private final List<ConfigProperty> properties = new ArrayList<>();

    private Builder() {}

    /** Adds an optional, non-secret property. */
    public Builder optional(String name, String label, ConfigProperty.Type type, String help) {
      return add(new ConfigProperty(name, label, help, type, false, false, null, List.of()));
    }

    /** Adds a required, non-secret property. */
    public Builder required(String name, String label, ConfigProperty.Type type, String help) {
      return add(new ConfigProperty(name, label, help, type, true, false, null, List.of()));
    }

    /** Adds a required secret (write-only, encrypted at rest). */
    public Builder secret(String name, String label, String help) {
      return add(
          new ConfigProperty(
              name, label, help, ConfigProperty.Type.STRING, true, true, null, List.of()));
    }

    /** Adds any property. */
    public Builder add(ConfigProperty property) {
      properties.add(property);
      return this;
    }

    /** Builds the schema, rejecting duplicate names. */
    public ConfigSchema build() {
      return new ConfigSchema(properties);
    }
  }
}
