package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.InvalidConfigException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An echo provider of one channel kind (SMS, push, WhatsApp, in-app) that records what it was
 * given, so the host's container tests can assert the exact {@code OutboundMessage}: descriptor id
 * {@code test-echo-<kind>} ({@code test-echo-sms}, {@code test-echo-push}, {@code
 * test-echo-whatsapp}, {@code test-echo-in-app}). See {@link RecordingEchoProvider}.
 */
abstract class KindEchoFactory implements ChannelProviderFactory {

  private final ChannelDescriptor descriptor;

  private static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .required(
              "prefix",
              "Prefix",
              ConfigProperty.Type.STRING,
              "Prepended to the idempotency key to form the provider message id.")
          .optional(
              "invalid",
              "Invalid recipients",
              ConfigProperty.Type.STRING,
              "Comma-separated recipients answered with invalidRecipient (a gone push token).")
          .optional(
              "note",
              "Note",
              ConfigProperty.Type.TEXT,
              "Free text kept with the setting (a multi-line field for console tests).")
          .secret(
              "token",
              "Token",
              "A dummy credential; callbacks must carry it in X-Echo-Token. Never logged.")
          .build();

  KindEchoFactory(ChannelKind kind, String name) {
    String slug = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    this.descriptor =
        new ChannelDescriptor(
            "test-echo-" + slug,
            kind,
            "Test echo (" + name + ")",
            "Records every " + name + " message and accepts it; for tests only.");
  }

  @Override
  public ChannelDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    String invalid = config.get("invalid").orElse("");
    Set<String> refused =
        Arrays.stream(invalid.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    String prefix = config.require("prefix");
    if (prefix.isBlank()) {
      throw new InvalidConfigException(List.of("prefix: must not be blank"));
    }
    return new RecordingEchoProvider(prefix, refused, config.require("token"), context);
  }
}
