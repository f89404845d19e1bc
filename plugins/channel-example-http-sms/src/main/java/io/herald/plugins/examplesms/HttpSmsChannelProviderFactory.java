package io.herald.plugins.examplesms;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.InvalidConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Step 2 of the walk-through: the extension Herald finds in the plugin. It describes the channel,
 * declares the settings form (the console renders it; {@code api_key} is a secret, so Herald keeps
 * it encrypted and never shows it again) and builds a provider from validated settings.
 */
@Extension
public class HttpSmsChannelProviderFactory implements ChannelProviderFactory {

  /** The provider id operators pick in a channel setting. */
  public static final String ID = "example-http-sms";

  static final String URL = "url";
  static final String API_KEY = "api_key";
  static final String SENDER = "sender";
  static final String TIMEOUT_SECONDS = "timeout_seconds";

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.SMS,
          "HTTP SMS gateway (example)",
          "Sends SMS as JSON to a gateway URL with a bearer API key; the example of plugins/README.md.");

  private static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .required(URL, "Gateway URL", ConfigProperty.Type.URL, "Where messages are POSTed.")
          .secret(API_KEY, "API key", "Sent as Authorization: Bearer; write-only.")
          .optional(SENDER, "Sender", ConfigProperty.Type.STRING, "Sender id or number (optional).")
          .add(
              new ConfigProperty(
                  TIMEOUT_SECONDS,
                  "Timeout (seconds)",
                  "How long one call may take, 1 to 60.",
                  ConfigProperty.Type.INTEGER,
                  false,
                  false,
                  "10",
                  List.of()))
          .build();

  /** PF4J instantiates extensions through a public no-argument constructor. */
  public HttpSmsChannelProviderFactory() {}

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    List<String> problems = new ArrayList<>();
    URI url = URI.create(config.require(URL).trim());
    if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
      problems.add(URL + ": must be an http or https URL");
    }
    long timeout;
    try {
      timeout = config.getLong(TIMEOUT_SECONDS, 10);
    } catch (NumberFormatException e) {
      timeout = -1;
    }
    if (timeout < 1 || timeout > 60) {
      problems.add(TIMEOUT_SECONDS + ": must be a whole number from 1 to 60");
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new HttpSmsChannelProvider(
        url,
        config.require(API_KEY),
        config.get(SENDER).orElse(""),
        Duration.ofSeconds(timeout),
        context);
  }
}
