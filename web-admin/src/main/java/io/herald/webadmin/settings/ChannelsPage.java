package io.herald.webadmin.settings;

import io.herald.messaging.api.ChannelSettingInput;
import io.herald.messaging.api.ChannelSettingView;
import io.herald.messaging.api.ChannelSettings;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.SendRateLimit;
import io.herald.plugin.api.ConfigProperty;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginHost;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Channel settings ({@code settings/channels.xhtml}): the default workspace's settings, and a form
 * that adds or edits one. The form is rendered from the chosen started plugin's {@code
 * ConfigSchema} ({@link SettingField}); secrets are write-only (never filled back; empty keeps the
 * stored value). The messaging module's problems are placed on the fields they name. Changing
 * settings needs {@code admin}, checked here as well as hidden in the view.
 */
@Named
@ViewScoped
public class ChannelsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@code settings: port: must be a whole number} and {@code settings.x is not a setting …}. */
  private static final Pattern SETTING_PROBLEM =
      Pattern.compile("settings(?::\\s*|\\.)([A-Za-z][A-Za-z0-9_.]*?)(?::\\s*|\\s+)(.*)");

  @Inject ChannelSettings channels;
  @Inject PluginHost plugins;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String provider;
  private String name;
  private boolean isDefault;
  private boolean editing;
  private ArrayList<SettingField> fields = new ArrayList<>();
  private String nameProblem;
  private ArrayList<String> problems = new ArrayList<>();
  private transient List<ChannelSettingView> settings;

  /** Offers the first started channel plugin's form. */
  @PostConstruct
  void init() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see channel settings.");
      return;
    }
    startNew();
  }

  /** An empty form for a new setting. */
  public void startNew() {
    editing = false;
    name = null;
    isDefault = false;
    clearProblems();
    List<ChannelProviderInfo> started = getProviders();
    provider = started.isEmpty() ? null : started.get(0).descriptor().id();
    fields = fieldsFor(provider, Map.of(), java.util.Set.of());
  }

  /** Renders the chosen provider's schema (the provider select's ajax listener). */
  public void providerChanged() {
    clearProblems();
    fields = fieldsFor(provider, Map.of(), java.util.Set.of());
  }

  /** Fills the form with the setting {@code settingName}; secrets stay empty. */
  public void edit(String settingName) {
    if (!user.isAdmin()) {
      messages.error("Only admins may change channel settings.");
      return;
    }
    Optional<ChannelSettingView> found =
        getSettings().stream().filter(s -> s.name().equals(settingName)).findFirst();
    if (found.isEmpty()) {
      messages.error("There is no channel setting " + settingName + ".");
      return;
    }
    ChannelSettingView view = found.get();
    clearProblems();
    editing = true;
    name = view.name();
    isDefault = view.isDefault();
    provider = view.provider();
    fields = fieldsFor(provider, view.settings(), view.secretsSet());
    if (info(provider).isEmpty()) {
      messages.error(
          "Provider " + provider + " is not a started channel plugin: its form cannot be shown.");
    }
  }

  /** Saves the form; keeps it (secrets emptied) with the problems when refused. */
  public void save() {
    if (!user.isAdmin()) {
      messages.error("Only admins may change channel settings.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    Optional<ChannelProviderInfo> info = info(provider);
    if (ws.isEmpty() || info.isEmpty()) {
      messages.error("Choose a started channel plugin first.");
      return;
    }
    clearProblems();
    Map<String, String> values = new LinkedHashMap<>();
    for (SettingField field : fields) {
      String value = field.submitted();
      if (value != null) {
        values.put(field.getName(), value);
      }
      field.wipe();
    }
    String channel = info.get().descriptor().kind().name().toLowerCase(Locale.ROOT);
    String trimmed = name == null ? "" : name.trim();
    try {
      // The form does not edit rate limits (the App API does): saving keeps the stored one.
      SendRateLimit kept =
          channels.list(ws.get()).stream()
              .filter(v -> v.name().equals(trimmed))
              .map(ChannelSettingView::rateLimit)
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElse(null);
      ChannelSettingView saved =
          channels.save(
              ws.get(),
              new ChannelSettingInput(trimmed, channel, provider, values, isDefault, kept));
      settings = null;
      editing = true;
      name = saved.name();
      fields = fieldsFor(provider, saved.settings(), saved.secretsSet());
      messages.info("Channel setting “" + saved.name() + "” saved.");
    } catch (InvalidMessageException e) {
      place(e.problems());
      messages.error("Channel setting not saved: " + String.join("; ", e.problems()) + ".");
    }
  }

  /** Deletes the setting {@code settingName}. */
  public void delete(String settingName) {
    if (!user.isAdmin()) {
      messages.error("Only admins may change channel settings.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      return;
    }
    settings = null;
    if (channels.delete(ws.get(), settingName)) {
      messages.info("Channel setting “" + settingName + "” deleted.");
      if (editing && settingName.equals(name)) {
        startNew();
      }
    } else {
      messages.error("There is no channel setting " + settingName + ".");
    }
  }

  private void place(List<String> refused) {
    for (String problem : refused) {
      Matcher setting = SETTING_PROBLEM.matcher(problem);
      Optional<SettingField> field =
          setting.matches()
              ? fields.stream().filter(f -> f.getName().equals(setting.group(1))).findFirst()
              : Optional.empty();
      if (field.isPresent()) {
        String reason = setting.group(2);
        String before = field.get().getProblem();
        field.get().setProblem(before == null ? reason : before + "; " + reason);
      } else if (problem.startsWith("name ")) {
        nameProblem = problem;
      } else {
        problems.add(problem);
      }
    }
  }

  private void clearProblems() {
    nameProblem = null;
    problems = new ArrayList<>();
    fields.forEach(f -> f.setProblem(null));
  }

  private ArrayList<SettingField> fieldsFor(
      String providerId, Map<String, String> stored, java.util.Set<String> secretsSet) {
    ArrayList<SettingField> built = new ArrayList<>();
    info(providerId)
        .ifPresent(
            i -> {
              for (ConfigProperty p : i.configSchema().properties()) {
                built.add(SettingField.of(p, stored.get(p.name()), secretsSet.contains(p.name())));
              }
            });
    return built;
  }

  private Optional<ChannelProviderInfo> info(String providerId) {
    return getProviders().stream().filter(p -> p.descriptor().id().equals(providerId)).findFirst();
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  /** The workspace's settings, by name. */
  public List<ChannelSettingView> getSettings() {
    if (settings == null) {
      settings = user.mayRead() ? workspace().map(channels::list).orElse(List.of()) : List.of();
    }
    return settings;
  }

  /** The channel providers of started plugins. */
  public List<ChannelProviderInfo> getProviders() {
    return plugins.channelProviders();
  }

  /** The chosen provider's description, empty when none is chosen. */
  public String getProviderDescription() {
    return info(provider).map(i -> i.descriptor().description()).orElse("");
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isDefault() {
    return isDefault;
  }

  public void setDefault(boolean isDefault) {
    this.isDefault = isDefault;
  }

  /** Whether the form edits a saved setting (its name and provider are fixed then). */
  public boolean isEditing() {
    return editing;
  }

  public List<SettingField> getFields() {
    return fields;
  }

  /** Why the last save refused the name, or null. */
  public String getNameProblem() {
    return nameProblem;
  }

  /** The last save's problems that name no field. */
  public List<String> getProblems() {
    return problems;
  }
}
