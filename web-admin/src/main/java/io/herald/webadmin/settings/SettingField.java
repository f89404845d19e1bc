package io.herald.webadmin.settings;

import io.herald.plugin.api.ConfigProperty;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One property of a channel plugin's {@code ConfigSchema} as the settings form edits it. A secret
 * is write-only: {@link #getInput()} never answers it, {@link #isSet()} says whether one is stored,
 * and an empty input keeps the stored one. What was typed into a secret is {@code transient}, so it
 * never reaches the session or the view state.
 */
public class SettingField implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final String label;
  private final String help;
  private final ConfigProperty.Type type;
  private final boolean required;
  private final boolean secret;
  private final String defaultValue;
  private final ArrayList<String> options;
  private final boolean set;
  private String value;
  private transient String secretInput;
  private boolean checked;
  private String problem;

  private SettingField(ConfigProperty property, String value, boolean set) {
    // The schema's record is not Serializable: the view state keeps a copy of its parts.
    this.name = property.name();
    this.label = property.label();
    this.help = property.help();
    this.type = property.type();
    this.required = property.required();
    this.secret = property.secret();
    this.defaultValue = property.defaultValue();
    this.options = new ArrayList<>(property.options());
    this.set = set;
    this.value = value;
    this.checked = "true".equals(value);
  }

  /** A field for {@code property} holding {@code stored} (null: the declared default). */
  static SettingField of(ConfigProperty property, String stored, boolean secretSet) {
    if (property.secret()) {
      return new SettingField(property, null, secretSet);
    }
    return new SettingField(property, stored != null ? stored : property.defaultValue(), false);
  }

  /**
   * The value to save: a boolean's {@code true}/{@code false}, else what was typed, trimmed for
   * single-line types; null when nothing was typed (a secret keeps its stored value then).
   */
  String submitted() {
    if (type == ConfigProperty.Type.BOOLEAN && !secret) {
      return Boolean.toString(checked);
    }
    String raw = secret ? secretInput : value;
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return type == ConfigProperty.Type.TEXT ? raw : raw.trim();
  }

  /** Forgets a typed secret. */
  void wipe() {
    secretInput = null;
  }

  /** The property's key. */
  public String getName() {
    return name;
  }

  public String getLabel() {
    return label;
  }

  /** One sentence of help, may be empty. */
  public String getHelp() {
    return help;
  }

  /** Whether a value must be given (and the schema declares no default). */
  public boolean isRequired() {
    return required && defaultValue == null;
  }

  public boolean isSecret() {
    return secret;
  }

  /** The input the view renders: {@code text}, {@code textarea}, {@code number}, … */
  public String getInputKind() {
    if (secret) {
      return type == ConfigProperty.Type.TEXT ? "secret-textarea" : "password";
    }
    return switch (type) {
      case TEXT -> "textarea";
      case INTEGER -> "number";
      case BOOLEAN -> "checkbox";
      case CHOICE -> "select";
      case URL -> "url";
      case STRING -> "text";
    };
  }

  /** The options of a choice, with an empty one first when a value may be left out. */
  public List<String> getOptions() {
    if (required || defaultValue != null) {
      return List.copyOf(options);
    }
    return Stream.concat(Stream.of(""), options.stream()).toList();
  }

  /** Whether a secret value is stored. */
  public boolean isSet() {
    return set;
  }

  /** The non-secret value; null for a secret. */
  public String getInput() {
    return secret ? null : value;
  }

  /** Takes what was typed: the value, or the secret to save. */
  public void setInput(String input) {
    if (secret) {
      secretInput = input;
    } else {
      value = input;
    }
  }

  public boolean isChecked() {
    return checked;
  }

  public void setChecked(boolean checked) {
    this.checked = checked;
  }

  /** Why the last save refused this value, or null. */
  public String getProblem() {
    return problem;
  }

  void setProblem(String problem) {
    this.problem = problem;
  }
}
