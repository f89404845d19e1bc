package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.DeliveryEvent.Kind;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Real-shaped DSN (RFC 3464) and ARF (RFC 5965) samples in src/test/resources/reports. */
class MailReportsTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T12:00:00Z");

  private final MailReports reports = new MailReports();

  static byte[] fixture(String name) {
    try (InputStream in = MailReportsTest.class.getResourceAsStream("/reports/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private MailReports.Report parse(String name) throws Exception {
    return reports.parse(fixture(name), RECEIVED);
  }

  @Test
  void postfixHardBounce() throws Exception {
    MailReports.Report report = parse("postfix-dsn.eml");

    assertThat(report.type()).isEqualTo(MailReports.Type.DELIVERY_STATUS);
    assertThat(report.originalMessageId()).isEqualTo("<01J9ZC8W5K3T7M2Q8R4X6Y0B1N@herald.test>");
    assertThat(report.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.BOUNCED);
              assertThat(e.permanent()).isTrue();
              assertThat(e.providerMessageId())
                  .isEqualTo("<01J9ZC8W5K3T7M2Q8R4X6Y0B1N@herald.test>");
              assertThat(e.recipient()).isEqualTo("nobody@example.test");
              assertThat(e.detail())
                  .isEqualTo(
                      "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown"
                          + " in virtual mailbox table");
              assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-03T09:14:05Z"));
            });
  }

  @Test
  void exchangeBounceWithReturnedHeadersOnly() throws Exception {
    MailReports.Report report = parse("exchange-dsn.eml");

    assertThat(report.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.BOUNCED);
              assertThat(e.permanent()).isTrue();
              assertThat(e.providerMessageId())
                  .isEqualTo("<01J9ZD0A1B2C3D4E5F6G7H8J9K@herald.test>");
              assertThat(e.recipient()).isEqualTo("j.doe@contoso.test");
              assertThat(e.detail())
                  .isEqualTo(
                      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP"
                          + " address lookup");
            });
  }

  @Test
  void severalRecipientsGiveOneEventEachExceptDelays() throws Exception {
    MailReports.Report report = parse("postfix-mixed-dsn.eml");

    assertThat(report.events())
        .extracting(DeliveryEvent::kind, DeliveryEvent::recipient, DeliveryEvent::permanent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.BOUNCED, "full@example.test", false),
            org.assertj.core.groups.Tuple.tuple(Kind.DELIVERED, "ok@example.test", false));
    assertThat(report.events().get(0).detail()).isEqualTo("452 4.2.2 Mailbox full");
    assertThat(report.events().get(0).occurredAt())
        .isEqualTo(Instant.parse("2026-03-05T06:29:59Z"));
    assertThat(report.events().get(1).occurredAt())
        .as("no Last-Attempt-Date: the Arrival-Date")
        .isEqualTo(Instant.parse("2026-03-05T01:29:58Z"));
    assertThat(report.events())
        .allMatch(e -> e.providerMessageId().equals("<mixed-1@herald.test>"));
  }

  @Test
  void yahooComplaint() throws Exception {
    MailReports.Report report = parse("yahoo-arf.eml");

    assertThat(report.type()).isEqualTo(MailReports.Type.FEEDBACK);
    assertThat(report.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.COMPLAINED);
              assertThat(e.providerMessageId())
                  .isEqualTo("<01J9ZE5PQR8ST2UV3WX4YZ5A6B@herald.test>");
              assertThat(e.recipient()).isEqualTo("reader@yahoo.test");
              assertThat(e.detail()).isEqualTo("feedback-type abuse from Yahoo!-Mail-Feedback/2.0");
              assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-06T11:19:41Z"));
            });
  }

  @Test
  void gmailStyleComplaintWithHeadersOnlyAndCrlf() throws Exception {
    byte[] crlf =
        new String(fixture("gmail-arf.eml"), StandardCharsets.US_ASCII)
            .replace("\n", "\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    MailReports.Report report = reports.parse(crlf, RECEIVED);

    assertThat(report.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.COMPLAINED);
              assertThat(e.providerMessageId()).isEqualTo("<digest-42@herald.test>");
              assertThat(e.recipient()).isEqualTo("reader@gmail.test");
              assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-07T15:58:12Z"));
            });
  }

  @Test
  void aReportForwardedAsAnAttachmentIsFound() throws Exception {
    String dsn = new String(fixture("postfix-dsn.eml"), StandardCharsets.UTF_8);
    String boundary = dsn.substring(dsn.indexOf("boundary=\"") + 10);
    boundary = boundary.substring(0, boundary.indexOf('"'));
    String wrapped =
        "From: forwarder@herald.test\nSubject: Fwd\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; boundary=\"outer\"\n\n--outer\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\""
            + boundary
            + "\"\n\n"
            + dsn.substring(dsn.indexOf("--" + boundary))
            + "\n--outer--\n";

    MailReports.Report report = reports.parse(wrapped.getBytes(StandardCharsets.UTF_8), RECEIVED);

    assertThat(report.events()).extracting(DeliveryEvent::kind).containsExactly(Kind.BOUNCED);
  }

  @Test
  void anOrdinaryMessageIsNoReport() throws Exception {
    MailReports.Report report = parse("auto-reply.eml");

    assertThat(report.type()).isEqualTo(MailReports.Type.OTHER);
    assertThat(report.events()).isEmpty();
  }

  @Test
  void aReportWithoutTheOriginalMessageIdGivesNoEvents() throws Exception {
    String dsn = new String(fixture("postfix-mixed-dsn.eml"), StandardCharsets.UTF_8);

    MailReports.Report report =
        reports.parse(
            dsn.replace("Message-ID: <mixed-1@herald.test>\n", "").getBytes(StandardCharsets.UTF_8),
            RECEIVED);

    assertThat(report.type()).isEqualTo(MailReports.Type.DELIVERY_STATUS);
    assertThat(report.originalMessageId()).isEmpty();
    assertThat(report.events()).isEmpty();
  }

  @Test
  void aBrokenMultipartIsAnError() {
    byte[] broken =
        ("Content-Type: multipart/report; report-type=delivery-status\r\n\r\nno boundary")
            .getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> reports.parse(broken, RECEIVED))
        .isInstanceOfAny(MessagingException.class, IOException.class);
  }
}
