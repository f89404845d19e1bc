package io.herald.webadmin.fakes;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginHost;
import io.herald.pluginhost.api.PluginInfo;
import java.util.List;

/** Two started channel plugins: {@code mail} (every property type) and {@code hook}. */
public final class FakePluginHost implements PluginHost {

  /** A schema with one property of each type, a required one and two secrets. */
  public static final ConfigSchema MAIL_SCHEMA =
      ConfigSchema.builder()
          .required("host", "Host", ConfigProperty.Type.STRING, "The server.")
          .add(
              new ConfigProperty(
                  "port", "Port", "", ConfigProperty.Type.INTEGER, false, false, "587", List.of()))
          .add(
              new ConfigProperty(
                  "security",
                  "Security",
                  "",
                  ConfigProperty.Type.CHOICE,
                  false,
                  false,
                  "starttls",
                  List.of("starttls", "tls", "none")))
          .add(
              new ConfigProperty(
                  "mode",
                  "Mode",
                  "",
                  ConfigProperty.Type.CHOICE,
                  false,
                  false,
                  null,
                  List.of("a", "b")))
          .optional("trust", "Trust all", ConfigProperty.Type.BOOLEAN, "")
          .optional("notes", "Notes", ConfigProperty.Type.TEXT, "")
          .optional("api", "API", ConfigProperty.Type.URL, "")
          .secret("password", "Password", "SMTP password.")
          .add(
              new ConfigProperty(
                  "key", "Key", "", ConfigProperty.Type.TEXT, false, true, null, List.of()))
          .build();

  public static final ChannelProviderInfo MAIL =
      new ChannelProviderInfo(
          "plugin-mail",
          new ChannelDescriptor("mail", ChannelKind.EMAIL, "Mail", "Sends email."),
          MAIL_SCHEMA);

  public static final ChannelProviderInfo HOOK =
      new ChannelProviderInfo(
          "plugin-hook",
          new ChannelDescriptor("hook", ChannelKind.WEBHOOK, "Hook", "Posts JSON."),
          ConfigSchema.builder()
              .required("url", "URL", ConfigProperty.Type.URL, "Where to post.")
              .build());

  @Override
  public String pluginApiVersion() {
    return "1.0.0";
  }

  @Override
  public String pluginsDirectory() {
    return "/plugins";
  }

  @Override
  public List<PluginInfo> plugins() {
    return List.of();
  }

  @Override
  public List<ChannelProviderInfo> channelProviders() {
    return List.of(MAIL, HOOK);
  }

  @Override
  public boolean ready() {
    return true;
  }

  @Override
  public ChannelProvider createProvider(String channelProviderId, ChannelConfig config) {
    throw new AssertionError("the console creates no provider");
  }
}
