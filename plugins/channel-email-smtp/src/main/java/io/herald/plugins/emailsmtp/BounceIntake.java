package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.InboundCallback;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The provider's callback: a mailbox forwarder or an MTA posts a bounce (DSN) or a complaint (ARF)
 * as the whole RFC 822 message ({@code message/rfc822} or {@code text/plain}). With {@code
 * callback_secret} set, the header {@value #SECRET_HEADER} must carry it (compared in constant
 * time), else the answer is 401 and nothing is read. {@link #toString()} never shows the secret.
 */
final class BounceIntake {

  /** The header that carries the shared secret. */
  static final String SECRET_HEADER = "X-Herald-Callback-Secret";

  private static final Set<String> MEDIA_TYPES = Set.of("message/rfc822", "text/plain", "");

  private final Optional<byte[]> secretDigest;
  private final ChannelPluginContext context;
  private final MailReports reports = new MailReports();

  BounceIntake(Optional<String> secret, ChannelPluginContext context) {
    this.secretDigest = secret.filter(s -> !s.isEmpty()).map(BounceIntake::sha256);
    this.context = context;
  }

  CallbackResult handle(InboundCallback callback) {
    if (secretDigest.isPresent()) {
      byte[] given = sha256(callback.header(SECRET_HEADER).orElse(""));
      if (!MessageDigest.isEqual(secretDigest.get(), given)) {
        context
            .logger()
            .log(
                Level.WARNING,
                "callback refused: {0} missing or wrong (from {1})",
                SECRET_HEADER,
                callback.remoteAddress());
        return CallbackResult.rejected(401, SECRET_HEADER + " is missing or wrong");
      }
    }
    if (!callback.method().equals("POST")) {
      return CallbackResult.rejected(405, "POST the bounce or complaint as message/rfc822");
    }
    if (!MEDIA_TYPES.contains(callback.mediaType())) {
      return CallbackResult.rejected(
          415, "content type must be message/rfc822 or text/plain, not " + callback.mediaType());
    }
    if (callback.bodyLength() == 0) {
      return CallbackResult.rejected(400, "the body must be the whole report message");
    }
    MailReports.Report report;
    try {
      report =
          ContextClassLoader.ofPlugin(
              () -> reports.parse(callback.body(), context.clock().instant()));
    } catch (Exception e) {
      // MessagingException, IOException or a parser bug on hostile input: never thrown to the host.
      context
          .logger()
          .log(Level.INFO, "callback body is not a readable message: {0}", e.getClass().getName());
      return CallbackResult.rejected(400, "the body is not a readable RFC 822 message");
    }
    context
        .logger()
        .log(Level.DEBUG, "callback: {0} with {1} event(s)", report.type(), report.events().size());
    String note =
        switch (report.type()) {
          case OTHER -> "not a delivery status or feedback report; ignored";
          case DELIVERY_STATUS, FEEDBACK ->
              report.originalMessageId().isEmpty()
                  ? "the report does not include the original Message-ID; ignored"
                  : "";
        };
    return new CallbackResult(200, "", note, List.copyOf(report.events()));
  }

  @Override
  public String toString() {
    return "BounceIntake[secret=" + (secretDigest.isPresent() ? "set" : "none") + "]";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
