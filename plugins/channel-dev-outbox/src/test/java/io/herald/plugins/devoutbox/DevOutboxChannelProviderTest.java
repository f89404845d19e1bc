package io.herald.plugins.devoutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.plugin.tck.TestPluginContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DevOutboxChannelProviderTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final TestPluginContext context =
      new TestPluginContext("channel-dev-outbox", Clock.fixed(T0, ZoneOffset.UTC));
  private final List<ChannelProvider> created = new ArrayList<>();

  private ChannelProvider create(Map<String, String> values) throws InvalidConfigException {
    ChannelProvider provider =
        new DevOutboxChannelProviderFactory().create(new ChannelConfig(values), context);
    created.add(provider);
    return provider;
  }

  @AfterEach
  void closeAll() {
    created.forEach(ChannelProvider::close);
  }

  private static OutboundMessage.Builder email(String key, String recipient) {
    return OutboundMessage.builder(key, ChannelKind.EMAIL, recipient)
        .from("Acme <hello@acme.test>")
        .subject("Your receipt")
        .body("<p>secret body text</p>");
  }

  @Test
  void acceptsAWellFormedMessageUnderTheOutboxIdOfItsKey() throws Exception {
    ChannelProvider provider = create(Map.of());

    DeliveryResult result = provider.send(email("d-42", "Reader <reader@example.test>").build());

    assertThat(result).isEqualTo(DeliveryResult.accepted("<outbox-d-42>"));
    assertThat(provider.send(email("d-42", "reader@example.test").build()))
        .as("a resend of the same delivery")
        .isEqualTo(result);
  }

  @Test
  void acceptsAMessageWithoutSenderWithOrWithoutADefault() throws Exception {
    OutboundMessage noSender =
        OutboundMessage.builder("k", ChannelKind.EMAIL, "reader@example.test").build();

    assertThat(create(Map.of()).send(noSender)).isInstanceOf(DeliveryResult.Accepted.class);
    ChannelProvider withDefault = create(Map.of("default_from", "Ops <ops@herald.test>"));
    assertThat(withDefault.send(noSender)).isInstanceOf(DeliveryResult.Accepted.class);
    assertThat(withDefault.health().detail()).contains("from @herald.test");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "reader",
        "reader@",
        "@example.test",
        "reader@@example.test",
        "two words@example.test",
        "a@example.test, b@example.test",
        "A <a@example.test>, B <b@example.test>",
        "reader@example..test",
        "reader@-example.test",
        "reader@example.test\r\nBcc: victim@example.test",
        "Reader <reader@example.test",
        "Reader reader@example.test>",
        ".reader@example.test"
      })
  void refusesMalformedRecipientsAsPermanent(String recipient) throws Exception {
    DeliveryResult result = create(Map.of()).send(email("k", recipient).build());

    assertThat(result).isEqualTo(DeliveryResult.permanent("recipient: not a valid email address"));
  }

  @Test
  void acceptsCopyRecipientsAndRefusesMalformedOnes() throws Exception {
    ChannelProvider provider = create(Map.of());

    assertThat(
            provider.send(
                email("k-ok", "r@example.test")
                    .cc(List.of("Boss <boss@example.test>"))
                    .bcc(List.of("audit@example.test"))
                    .build()))
        .isInstanceOf(DeliveryResult.Accepted.class);
    assertThat(
            provider.send(email("k", "r@example.test").cc(List.of("a@x.test, b@x.test")).build()))
        .isEqualTo(DeliveryResult.permanent("cc: not a valid email address"));
    assertThat(provider.send(email("k", "r@example.test").bcc(List.of("nope")).build()))
        .isEqualTo(DeliveryResult.permanent("bcc: not a valid email address"));
  }

  @Test
  void refusesABadSenderReplyAddressSubjectOrHeader() throws Exception {
    ChannelProvider provider = create(Map.of());

    assertThat(provider.send(email("k", "r@example.test").from("not an address").build()))
        .isEqualTo(DeliveryResult.permanent("from: not a valid email address"));
    assertThat(provider.send(email("k", "r@example.test").replyTo("x@").build()))
        .isEqualTo(DeliveryResult.permanent("replyTo: not a valid email address"));
    assertThat(provider.send(email("k", "r@example.test").subject("Hi\r\nBcc: x@y.test").build()))
        .isEqualTo(DeliveryResult.permanent("subject: contains a line break"));
    assertThat(
            provider.send(
                email("k", "r@example.test").headers(Map.of("X-Tag", "a\nBcc: x@y.test")).build()))
        .isEqualTo(DeliveryResult.permanent("headers.X-Tag: contains a line break"));
    assertThat(provider.send(email("k", "r@example.test").headers(Map.of("Bad Name", "v")).build()))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(provider.health().detail()).startsWith("dev outbox, nothing is sent: 0 accepted");
  }

  @Test
  void acceptsUtf8AndQuotedAddressesAndAttachments() throws Exception {
    ChannelProvider provider = create(Map.of());
    OutboundMessage message =
        email("k", "\"Zoë, R.\" <zoë.r+tag@exämple.test>")
            .replyTo("\"odd@local\"@[192.0.2.1]")
            .attachments(
                List.of(
                    new OutboundMessage.Attachment(
                        "r.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII))))
            .build();

    assertThat(provider.send(message)).isEqualTo(DeliveryResult.accepted("<outbox-k>"));
  }

  @Test
  void healthShowsCountsAndTheLatestMessageWithoutAddressesOrContent() throws Exception {
    ChannelProvider provider = create(Map.of("keep", "3"));
    assertThat(provider.health())
        .isEqualTo(ProviderHealth.up("dev outbox, nothing is sent: 0 accepted, 0 kept (keep 3)"));

    for (int i = 1; i <= 7; i++) {
      provider.send(email("m" + i, "reader" + i + "@Example.TEST").build());
    }

    assertThat(provider.health())
        .isEqualTo(
            ProviderHealth.up(
                "dev outbox, nothing is sent: 7 accepted, 3 kept (keep 3); latest <outbox-m7>"
                    + " from @acme.test to @example.test at 2026-03-01T10:00:00Z"));
  }

  @Test
  void keepZeroRemembersNothingButStillCounts() throws Exception {
    ChannelProvider provider = create(Map.of("keep", "0"));

    provider.send(email("m1", "r@example.test").build());

    assertThat(provider.health().detail())
        .isEqualTo("dev outbox, nothing is sent: 1 accepted, 0 kept (keep 0)");
  }

  @Test
  void concurrentSendsAreAllAcceptedAndTheOutboxStaysBounded() throws Exception {
    ChannelProvider provider = create(Map.of("keep", "50"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<DeliveryResult>> sends = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        String key = "c" + i;
        sends.add(() -> provider.send(email(key, "r@example.test").build()));
      }
      List<DeliveryResult> results = new ArrayList<>();
      for (Future<DeliveryResult> f : pool.invokeAll(sends)) {
        results.add(f.get());
      }
      assertThat(results).hasSize(800).allMatch(r -> r instanceof DeliveryResult.Accepted);
      assertThat(results).extracting(Object::toString).doesNotHaveDuplicates();
    } finally {
      pool.shutdown();
    }
    assertThat(provider.health().detail())
        .startsWith("dev outbox, nothing is sent: 800 accepted, 50 kept");
  }

  @Test
  void afterCloseSendsArePermanentFailuresAndHealthIsDown() throws Exception {
    ChannelProvider provider = create(Map.of());

    provider.close();
    provider.close();

    assertThat(provider.send(email("k", "r@example.test").build()))
        .isEqualTo(DeliveryResult.permanent("provider is closed"));
    assertThat(provider.health()).isEqualTo(ProviderHealth.down("closed"));
  }

  @Test
  void logsKeysOnlyNeverAddressesSubjectsOrBodies() throws Exception {
    ChannelProvider provider = create(Map.of());
    provider.send(email("log-1", "reader@example.test").build());
    provider.send(email("log-2", "bad address").build());
    provider.close();

    assertThat(context.logLines())
        .extracting(TestPluginContext.LogLine::level, TestPluginContext.LogLine::message)
        .containsExactly(
            tuple(System.Logger.Level.DEBUG, "outbox accepted <outbox-log-1>"),
            tuple(
                System.Logger.Level.DEBUG,
                "outbox refused log-2: recipient: not a valid email address"),
            tuple(System.Logger.Level.DEBUG, "outbox closed after 1 accepted message(s)"));
  }
}
