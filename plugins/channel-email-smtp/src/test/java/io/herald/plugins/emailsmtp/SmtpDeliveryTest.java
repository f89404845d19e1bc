package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.plugin.tck.TestPluginContext;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What arrives at the SMTP server (GreenMail) for each part of an {@link OutboundMessage}. */
class SmtpDeliveryTest {

  @RegisterExtension
  final GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser(TestSupport.USER, TestSupport.PASSWORD));

  private final TestPluginContext context = new TestPluginContext("channel-email-smtp");
  private ChannelProvider provider;

  @AfterEach
  void closeProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  private ChannelProvider provider(Map<String, String> values) throws Exception {
    provider = new SmtpEmailChannelProviderFactory().create(TestSupport.config(values), context);
    return provider;
  }

  private ChannelProvider provider() throws Exception {
    return provider(TestSupport.plainConfig(greenMail.getSmtp().getPort()));
  }

  private MimeMessage onlyReceived() {
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  @Test
  void htmlAndTextBecomeMultipartAlternativeWithUtf8Subject() throws Exception {
    DeliveryResult result =
        provider()
            .send(
                TestSupport.email("k-1", "Zoë Reader <zoe@example.test>")
                    .subject("Grüße — your order ✓")
                    .body("<p>Grüße</p>")
                    .text("Grüße")
                    .build());

    assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
    MimeMessage received = onlyReceived();
    assertThat(received.getSubject()).isEqualTo("Grüße — your order ✓");
    assertThat(received.getHeader("Subject")[0]).contains("=?UTF-8?");
    assertThat(received.getRecipients(Message.RecipientType.TO))
        .containsExactly(new InternetAddress("zoe@example.test", "Zoë Reader", "UTF-8"));
    assertThat(received.getContentType()).startsWith("multipart/alternative");
    Multipart alternative = (Multipart) received.getContent();
    assertThat(alternative.getCount()).isEqualTo(2);
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Grüße");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>Grüße</p>");
    assertThat(received.getSentDate().toInstant()).isEqualTo(TestPluginContext.FIXED_INSTANT);
  }

  @Test
  void onlyTheNonEmptyPartIsSent() throws Exception {
    provider().send(TestSupport.email("k-html", "a@example.test").text("").build());

    MimeMessage received = onlyReceived();
    assertThat(received.getContentType()).startsWith("text/html");
    assertThat(received.getContent()).isEqualTo("<p>Hello</p>");
  }

  @Test
  void fromIsTheDefaultUnlessTheMessageNamesOne() throws Exception {
    ChannelProvider smtp = provider();
    smtp.send(TestSupport.email("k-default", "a@example.test").build());
    smtp.send(
        TestSupport.email("k-override", "a@example.test")
            .from("Acme News <news@acme.test>")
            .replyTo("support@acme.test")
            .build());

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getFrom())
        .containsExactly(new InternetAddress("noreply@herald.test", "Herald"));
    assertThat(received[0].getHeader("Reply-To")).isNull();
    assertThat(received[0].getMessageID()).isEqualTo("<k-default@herald.test>");
    assertThat(received[1].getFrom())
        .containsExactly(new InternetAddress("news@acme.test", "Acme News"));
    assertThat(received[1].getReplyTo()).containsExactly(new InternetAddress("support@acme.test"));
    assertThat(received[1].getMessageID()).isEqualTo("<k-override@acme.test>");
  }

  @Test
  void theMessageIdIsStableForTheSameIdempotencyKey() throws Exception {
    ChannelProvider smtp = provider();
    OutboundMessage message = TestSupport.email("delivery/42:retry", "a@example.test").build();

    DeliveryResult first = smtp.send(message);
    DeliveryResult second = smtp.send(message);

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getMessageID())
        .isEqualTo(received[1].getMessageID())
        .isEqualTo("<delivery=2F42=3Aretry@herald.test>");
    assertThat(first)
        .isEqualTo(second)
        .isEqualTo(DeliveryResult.accepted("<delivery=2F42=3Aretry@herald.test>"));
  }

  @Test
  void messageHeadersAreSetIncludingListUnsubscribe() throws Exception {
    provider()
        .send(
            TestSupport.email("k-h", "a@example.test")
                .headers(
                    Map.of(
                        "List-Unsubscribe", "<https://acme.test/u/abc>, <mailto:u@acme.test>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                        "X-Herald-Campaign", "spring-sale"))
                .build());

    MimeMessage received = onlyReceived();
    assertThat(received.getHeader("List-Unsubscribe"))
        .containsExactly("<https://acme.test/u/abc>, <mailto:u@acme.test>");
    assertThat(received.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    assertThat(received.getHeader("X-Herald-Campaign")).containsExactly("spring-sale");
  }

  @Test
  void attachmentsArriveWithNameTypeAndBytes() throws Exception {
    byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, (byte) 0xff, 1, 2};
    byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    provider()
        .send(
            TestSupport.email("k-att", "a@example.test")
                .attachments(
                    List.of(
                        new OutboundMessage.Attachment("invoice.pdf", "application/pdf", pdf),
                        new OutboundMessage.Attachment("données.csv", "text/csv", csv)))
                .build());

    MimeMessage received = onlyReceived();
    assertThat(received.getContentType()).startsWith("multipart/mixed");
    Multipart mixed = (Multipart) received.getContent();
    assertThat(mixed.getCount()).isEqualTo(3);
    assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    BodyPart invoice = mixed.getBodyPart(1);
    assertThat(invoice.getFileName()).isEqualTo("invoice.pdf");
    assertThat(invoice.getContentType()).startsWith("application/pdf");
    assertThat(invoice.getDisposition()).isEqualTo("attachment");
    assertThat(bytes(invoice)).isEqualTo(pdf);
    BodyPart data = mixed.getBodyPart(2);
    assertThat(data.getFileName()).isEqualTo("données.csv");
    assertThat(data.getContentType()).startsWith("text/csv");
    assertThat(bytes(data)).isEqualTo(csv);
  }

  @Test
  void quotedPrintableAndBase64PartsArriveDecoded() throws Exception {
    String longHtml = "<p>Order 42 for Ada = paid</p>".repeat(400); // one line over 998 bytes
    String japanese = "ご注文ありがとうございます";
    ChannelProvider smtp = provider();
    smtp.send(TestSupport.email("k-qp", "a@example.test").body(longHtml).text(japanese).build());
    smtp.send(TestSupport.email("k-b64", "b@example.test").body(japanese).text("").build());
    byte[] csv = "a,b\n".getBytes(StandardCharsets.UTF_8);
    smtp.send(
        TestSupport.email("k-one", "c@example.test")
            .body(longHtml)
            .text("")
            .attachments(List.of(new OutboundMessage.Attachment("a.csv", "text/csv", csv)))
            .build());

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(3);
    Multipart alternative = (Multipart) received[0].getContent();
    assertThat(alternative.getBodyPart(0).getHeader("Content-Transfer-Encoding"))
        .containsExactly("base64");
    assertThat(alternative.getBodyPart(0).getContent()).isEqualTo(japanese);
    assertThat(alternative.getBodyPart(1).getHeader("Content-Transfer-Encoding"))
        .containsExactly("quoted-printable");
    assertThat(alternative.getBodyPart(1).getContent()).isEqualTo(longHtml);
    assertThat(received[1].getContentType()).startsWith("text/html");
    assertThat(received[1].getEncoding()).isEqualTo("base64");
    assertThat(received[1].getContent()).isEqualTo(japanese);
    Multipart mixed = (Multipart) received[2].getContent();
    assertThat(mixed.getBodyPart(0).getContentType()).startsWith("text/html");
    assertThat(mixed.getBodyPart(0).getContent()).isEqualTo(longHtml);
    assertThat(bytes(mixed.getBodyPart(1))).isEqualTo(csv);
  }

  private static byte[] bytes(BodyPart part) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part.getDataHandler().writeTo(out);
    return out.toByteArray();
  }

  @Test
  void aWrongPasswordIsAPermanentFailureWithGreenMails535() throws Exception {
    Map<String, String> values = TestSupport.plainConfig(greenMail.getSmtp().getPort());
    values.put("password", "not-the-password-99");

    DeliveryResult result = provider(values).send(TestSupport.email("k", "a@example.test").build());

    assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
    String reason = ((DeliveryResult.PermanentFailure) result).reason();
    assertThat(reason).startsWith("SMTP 535").doesNotContain("not-the-password-99");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(provider.health().status()).isEqualTo(ProviderHealth.Status.DOWN);
    assertThat(provider.health().detail()).contains("535").doesNotContain("not-the-password-99");
  }

  @Test
  void sendingWithoutAuthenticationWorksWhenNoUserIsConfigured() throws Exception {
    DeliveryResult result =
        provider(TestSupport.anonymousConfig(greenMail.getSmtp().getPort()))
            .send(TestSupport.email("k-anon", "a@example.test").build());

    assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void headerInjectionIsRefusedWithoutSending() throws Exception {
    ChannelProvider smtp = provider();

    DeliveryResult valueInjection =
        smtp.send(
            TestSupport.email("k-1", "a@example.test")
                .headers(Map.of("X-Tag", "x\r\nBcc: victim@example.test"))
                .build());
    DeliveryResult nameInjection =
        smtp.send(
            TestSupport.email("k-2", "a@example.test")
                .headers(Map.of("X-Tag\r\nBcc", "victim@example.test"))
                .build());
    DeliveryResult subjectInjection =
        smtp.send(
            TestSupport.email("k-3", "a@example.test")
                .subject("Hi\nBcc: victim@example.test")
                .build());
    DeliveryResult recipientInjection =
        smtp.send(TestSupport.email("k-4", "a@example.test\r\nBcc: victim@example.test").build());
    DeliveryResult reservedHeader =
        smtp.send(
            TestSupport.email("k-5", "a@example.test")
                .headers(Map.of("Bcc", "victim@example.test"))
                .build());

    assertThat(valueInjection)
        .isEqualTo(DeliveryResult.permanent("headers: X-Tag contains a line break"));
    assertThat(nameInjection).isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(((DeliveryResult.PermanentFailure) nameInjection).reason()).startsWith("headers:");
    assertThat(subjectInjection)
        .isEqualTo(DeliveryResult.permanent("subject: contains a line break"));
    assertThat(recipientInjection)
        .isEqualTo(DeliveryResult.permanent("recipient: not a valid email address"));
    assertThat(reservedHeader).isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void ccIsAHeaderAndARecipientWhileBccIsARecipientOnly() throws Exception {
    assertThat(
            provider()
                .send(
                    TestSupport.email("k-cc", "a@example.test")
                        .cc(List.of("Boss <boss@example.test>", "c2@example.test"))
                        .bcc(List.of("audit@example.test"))
                        .build()))
        .isInstanceOf(DeliveryResult.Accepted.class);

    MimeMessage[] received = greenMail.getReceivedMessages();
    // GreenMail keeps one copy per envelope recipient: To, both Cc and the Bcc.
    assertThat(received).hasSize(4);
    for (String mailbox :
        List.of("a@example.test", "boss@example.test", "c2@example.test", "audit@example.test")) {
      assertThat(greenMail.getUserManager().getUserByEmail(mailbox)).as(mailbox).isNotNull();
    }
    for (MimeMessage copy : received) {
      assertThat(copy.getHeader("Cc")).hasSize(1);
      assertThat(copy.getHeader("Cc")[0]).contains("boss@example.test").contains("c2@example.test");
      assertThat(copy.getHeader("Bcc")).isNull();
      String allHeaders = String.join("\n", java.util.Collections.list(copy.getAllHeaderLines()));
      assertThat(allHeaders).doesNotContain("audit@");
    }
  }

  @Test
  void invalidCopyAddressesArePermanentFailuresNamingTheField() throws Exception {
    ChannelProvider smtp = provider();

    assertThat(smtp.send(TestSupport.email("k-1", "a@example.test").cc(List.of("nope")).build()))
        .isEqualTo(DeliveryResult.permanent("cc: not a valid email address"));
    assertThat(
            smtp.send(
                TestSupport.email("k-2", "a@example.test")
                    .bcc(List.of("a@example.test, b@example.test"))
                    .build()))
        .isEqualTo(DeliveryResult.permanent("bcc: not a valid email address"));
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void invalidAddressesArePermanentFailuresNamingTheField() throws Exception {
    ChannelProvider smtp = provider();

    assertThat(smtp.send(TestSupport.email("k-1", "not an address").build()))
        .isEqualTo(DeliveryResult.permanent("recipient: not a valid email address"));
    assertThat(smtp.send(TestSupport.email("k-2", "a@example.test").from("nobody").build()))
        .isEqualTo(DeliveryResult.permanent("from: not a valid email address"));
    assertThat(smtp.send(TestSupport.email("k-3", "a@example.test, b@example.test").build()))
        .isEqualTo(DeliveryResult.permanent("recipient: not a valid email address"));
    assertThat(smtp.send(TestSupport.email("k-4", "a@example.test").replyTo("x@").build()))
        .isEqualTo(DeliveryResult.permanent("replyTo: not a valid email address"));
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void healthIsUpWhenTheServerAnswers() throws Exception {
    assertThat(provider().health())
        .isEqualTo(
            ProviderHealth.up("connected to smtp://127.0.0.1:" + greenMail.getSmtp().getPort()));
  }

  @Test
  void logLinesCarryNeitherAddressesNorBodies() throws Exception {
    ChannelProvider smtp = provider();
    smtp.send(
        TestSupport.email("k-ok", "secret.reader@example.test").body("<p>private</p>").build());
    smtp.send(TestSupport.email("k-bad", "bad address").body("<p>private</p>").build());
    smtp.close();

    assertThat(context.loggedMessages())
        .isNotEmpty()
        .noneMatch(line -> line.contains("secret.reader") || line.contains("private"))
        .noneMatch(line -> line.contains(TestSupport.PASSWORD));
  }
}
