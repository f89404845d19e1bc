package io.herald.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.api.OutboundMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

/**
 * The behaviour every Herald host relies on, for any {@link ChannelProviderFactory}. A plugin ships
 * one small subclass in {@code src/test/java} that supplies a factory, a valid config and a sample
 * message (pointing at a fake vendor server where the provider talks HTTP); the {@code @Nested}
 * groups below then run against it.
 *
 * <p>Each test gets a fresh {@link TestPluginContext}; providers created through {@link
 * #createProvider()} are closed after the test.
 */
public abstract class ChannelProviderContractTest {

  private static final int MIN_SECRET_LENGTH = 8;

  private final List<ChannelProvider> created = new ArrayList<>();
  private TestPluginContext context;

  /** The factory under test, as PF4J would instantiate it (public no-argument constructor). */
  protected abstract ChannelProviderFactory factory();

  /**
   * Settings that pass the schema and let {@link #sampleMessage()} be sent. Secret values must be
   * at least 8 characters and must not appear inside non-secret values, so leak checks mean
   * something.
   */
  protected abstract ChannelConfig validConfig();

  /** A message the provider created from {@link #validConfig()} can send. */
  protected abstract OutboundMessage sampleMessage();

  /** The plugin id given to the context; defaults to {@code tck-} plus the descriptor id. */
  protected String pluginId() {
    return "tck-" + factory().descriptor().id();
  }

  /** The context of the current test, with everything logged so far. */
  protected final TestPluginContext context() {
    return context;
  }

  /**
   * Creates a provider from {@link #validConfig()} with {@link #context()}; it is closed after the
   * test.
   */
  protected final ChannelProvider createProvider() throws InvalidConfigException {
    ChannelProvider provider = factory().create(validConfig(), context);
    if (provider != null) {
      created.add(provider);
    }
    return provider;
  }

  /** The values in {@link #validConfig()} of properties the schema declares secret. */
  protected final Set<String> secretValues() {
    ConfigSchema schema = factory().configSchema();
    return validConfig().values().entrySet().stream()
        .filter(e -> schema.property(e.getKey()).map(ConfigProperty::secret).orElse(false))
        .map(Map.Entry::getValue)
        .collect(Collectors.toUnmodifiableSet());
  }

  @BeforeEach
  void newContext() {
    context = new TestPluginContext(pluginId());
  }

  @AfterEach
  void closeCreatedProviders() {
    for (ChannelProvider provider : created) {
      try {
        provider.close();
      } catch (Exception e) {
        // A failing close is reported by Provider#closeCanBeCalledTwice; keep cleaning up.
      }
    }
    created.clear();
  }

  /** The descriptor identifies the provider to operators and to the host's registry. */
  @Nested
  class Descriptor {

    @Test
    void descriptorIsPresent() {
      assertThat(factory().descriptor()).isNotNull();
      assertThat(factory().descriptor().displayName()).isNotBlank();
    }

    @Test
    void descriptorIsStableAcrossCalls() {
      ChannelProviderFactory factory = factory();

      assertThat(factory.descriptor()).isEqualTo(factory.descriptor());
      assertThat(factory().descriptor()).isEqualTo(factory.descriptor());
    }

    @Test
    void factoryIsAnnotatedAsPf4jExtension() {
      assertThat(factory().getClass().isAnnotationPresent(Extension.class))
          .as("%s must carry @org.pf4j.Extension, or PF4J never finds it", factory().getClass())
          .isTrue();
    }

    @Test
    void factoryIsListedInTheExtensionIndex() {
      Class<?> type = factory().getClass();

      assertThat(extensionIndex(type.getClassLoader()))
          .as(
              "META-INF/extensions.idx (written by PF4J's annotation processor) lists %s",
              type.getName())
          .contains(type.getName());
    }
  }

  /** The schema is what the console renders and what the host validates against. */
  @Nested
  class Schema {

    @Test
    void configSchemaIsPresentAndStable() {
      ChannelProviderFactory factory = factory();

      assertThat(factory.configSchema()).isNotNull().isEqualTo(factory.configSchema());
    }

    @Test
    void validConfigPassesTheSchema() {
      assertThat(factory().configSchema().validate(validConfig().values()))
          .as("problems with validConfig()")
          .isEmpty();
    }

    @Test
    void emptyConfigFailsExactlyWhenARequiredPropertyHasNoDefault() {
      ConfigSchema schema = factory().configSchema();
      boolean needsValue =
          schema.properties().stream().anyMatch(p -> p.required() && p.defaultValue() == null);

      assertThat(schema.validate(Map.of()).isEmpty()).isEqualTo(!needsValue);
    }
  }

  /** Secrets are declared, distinctive, and never leave the provider. */
  @Nested
  class Secrets {

    @Test
    void validConfigSetsOnlyDeclaredProperties() {
      ConfigSchema schema = factory().configSchema();

      assertThat(validConfig().values().keySet())
          .allSatisfy(key -> assertThat(schema.property(key)).as("property %s", key).isPresent());
    }

    @Test
    void secretPropertiesHaveNoDefaultValue() {
      assertThat(factory().configSchema().properties())
          .filteredOn(ConfigProperty::secret)
          .allSatisfy(
              p -> assertThat(p.defaultValue()).as("default of secret %s", p.name()).isNull());
    }

    @Test
    void secretValuesInValidConfigAreDistinctive() {
      Set<String> secrets = secretValues();
      List<String> plainValues = new ArrayList<>(validConfig().values().values());
      plainValues.removeAll(secrets);

      assertThat(secrets)
          .allSatisfy(
              secret -> {
                assertThat(secret).hasSizeGreaterThanOrEqualTo(MIN_SECRET_LENGTH);
                assertThat(plainValues).noneMatch(value -> value.contains(secret));
              });
    }

    @Test
    void toStringsNeverContainASecretValue() throws Exception {
      ChannelProvider provider = createProvider();
      DeliveryResult result = provider.send(sampleMessage());
      String texts =
          String.join(
              "\n",
              String.valueOf(provider),
              String.valueOf(validConfig()),
              String.valueOf(factory()),
              String.valueOf(result),
              String.valueOf(provider.health()));

      assertThat(secretValues()).allSatisfy(secret -> assertThat(texts).doesNotContain(secret));
    }

    @Test
    void logLinesNeverContainASecretValue() throws Exception {
      ChannelProvider provider = createProvider();
      provider.send(sampleMessage());
      provider.send(sampleMessage());
      provider.health();
      provider.close();

      assertThat(context().loggedMessages())
          .allSatisfy(
              line ->
                  assertThat(secretValues())
                      .allSatisfy(secret -> assertThat(line).doesNotContain(secret)));
    }
  }

  /** What the host does with a provider: create, send, retry, probe, close. */
  @Nested
  class Provider {

    @Test
    void createReturnsAProvider() throws Exception {
      assertThat(createProvider()).isNotNull();
    }

    @Test
    void sendReturnsAResultWithoutThrowing() throws Exception {
      ChannelProvider provider = createProvider();
      List<DeliveryResult> results = new ArrayList<>();

      assertThatCode(() -> results.add(provider.send(sampleMessage()))).doesNotThrowAnyException();
      assertThat(results).singleElement().isNotNull();
    }

    /**
     * Plugin API 1.3.0: a message with copy recipients is handled (sent, or refused with a result)
     * without throwing, whatever the channel, and no copy address reaches the log.
     */
    @Test
    void aMessageWithCcAndBccIsHandledWithoutThrowingOrLoggingTheAddresses() throws Exception {
      ChannelProvider provider = createProvider();
      OutboundMessage sample = sampleMessage();
      String bcc = "tck-hidden-copy-7f3a@example.test";
      String cc = "tck-visible-copy-7f3a@example.test";
      OutboundMessage withCopies =
          OutboundMessage.builder(
                  sample.idempotencyKey() + "-copies", sample.channel(), sample.recipient())
              .subject(sample.subject())
              .body(sample.body())
              .text(sample.text())
              .from(sample.from())
              .replyTo(sample.replyTo())
              .headers(sample.headers())
              .metadata(sample.metadata())
              .attachments(sample.attachments())
              .cc(List.of(cc))
              .bcc(List.of(bcc))
              .build();
      List<DeliveryResult> results = new ArrayList<>();

      assertThatCode(() -> results.add(provider.send(withCopies))).doesNotThrowAnyException();
      assertThat(results).singleElement().isNotNull();
      assertThat(context().loggedMessages())
          .allSatisfy(line -> assertThat(line).doesNotContain(bcc).doesNotContain(cc));
    }

    @Test
    void sendingTheSameIdempotencyKeyTwiceDoesNotThrow() throws Exception {
      ChannelProvider provider = createProvider();
      OutboundMessage message = sampleMessage();
      List<DeliveryResult> results = new ArrayList<>();

      assertThatCode(
              () -> {
                results.add(provider.send(message));
                results.add(provider.send(message));
              })
          .doesNotThrowAnyException();
      assertThat(results).hasSize(2).doesNotContainNull();
    }

    @Test
    void healthIsReported() throws Exception {
      ChannelProvider provider = createProvider();

      assertThat(provider.health()).isNotNull();
    }

    @Test
    void closeCanBeCalledTwice() throws Exception {
      ChannelProvider provider = createProvider();

      assertThatCode(
              () -> {
                provider.close();
                provider.close();
              })
          .doesNotThrowAnyException();
    }
  }

  /**
   * Callbacks come from the internet: whatever arrives, {@code handleCallback} answers without
   * throwing, with a valid status, and never logs or echoes a secret. A provider without callbacks
   * passes through the API's default ({@code notHandled()}).
   */
  @Nested
  class Callbacks {

    @Test
    void junkCallbacksAreAnsweredWithoutThrowing() throws Exception {
      ChannelProvider provider = createProvider();

      for (InboundCallback junk : junkCallbacks()) {
        List<CallbackResult> results = new ArrayList<>();
        assertThatCode(() -> results.add(provider.handleCallback(junk)))
            .as("handleCallback(%s)", junk)
            .doesNotThrowAnyException();
        assertThat(results).singleElement().isNotNull();
        CallbackResult result = results.get(0);
        assertThat(result.status()).as("status for %s", junk).isBetween(100, 599);
        assertThat(result.events())
            .as("events for %s", junk)
            .allSatisfy(e -> assertThat(e.providerMessageId()).isNotNull());
      }
    }

    @Test
    void callbacksNeverLogOrEchoASecret() throws Exception {
      ChannelProvider provider = createProvider();
      StringBuilder answers = new StringBuilder();

      for (InboundCallback junk : junkCallbacks()) {
        CallbackResult result = provider.handleCallback(junk);
        answers.append(result).append('\n');
        for (DeliveryEvent event : result.events()) {
          answers.append(event).append('\n');
        }
      }

      assertThat(secretValues())
          .allSatisfy(
              secret -> {
                assertThat(answers.toString()).doesNotContain(secret);
                assertThat(context().loggedMessages())
                    .allSatisfy(line -> assertThat(line).doesNotContain(secret));
              });
    }
  }

  /**
   * Requests nobody should send: empty, binary, truncated MIME, huge headers, wrong methods, and
   * each secret of {@link #validConfig()} in the wrong places (so leaks through echoes show).
   */
  protected List<InboundCallback> junkCallbacks() {
    List<InboundCallback> junk = new ArrayList<>();
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31 + 7);
    }
    Map<String, List<String>> none = Map.of();
    junk.add(new InboundCallback("POST", "", none, none, new byte[0], "", ""));
    junk.add(new InboundCallback("GET", "", none, none, null, null, null));
    junk.add(new InboundCallback("POST", "", none, none, binary, "application/octet-stream", ""));
    junk.add(new InboundCallback("POST", "x/../../y", none, none, binary, "message/rfc822", ""));
    junk.add(text("{", "application/json"));
    junk.add(text("[1,2,{\"a\":null}]", "application/json"));
    junk.add(text("not a report", "text/plain"));
    junk.add(
        text(
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\n",
            "message/rfc822"));
    junk.add(text("From: a\r\nContent-Type: multipart/mixed\r\n\r\n--", "message/rfc822"));
    junk.add(text("x".repeat(100_000) + ":\r\n\r\n", "message/rfc822; charset=nonsense"));
    for (String secret : secretValues()) {
      junk.add(
          new InboundCallback(
              "POST",
              secret,
              Map.of("Authorization", List.of("Bearer " + secret)),
              Map.of("secret", List.of(secret)),
              ("Subject: " + secret + "\r\n\r\n" + secret).getBytes(StandardCharsets.UTF_8),
              "message/rfc822",
              ""));
    }
    return junk;
  }

  private static InboundCallback text(String body, String contentType) {
    return new InboundCallback(
        "POST", "", Map.of(), Map.of(), body.getBytes(StandardCharsets.UTF_8), contentType, "");
  }

  private static Set<String> extensionIndex(ClassLoader loader) {
    try {
      Set<String> names = new TreeSet<>();
      for (URL url : Collections.list(loader.getResources("META-INF/extensions.idx"))) {
        try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          reader
              .lines()
              .map(String::trim)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .forEach(names::add);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
