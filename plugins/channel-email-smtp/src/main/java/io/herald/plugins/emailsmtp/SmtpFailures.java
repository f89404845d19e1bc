package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.DeliveryResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Maps what Jakarta Mail throws to {@link DeliveryResult} values: a 4xx reply is worth retrying (a
 * throttling 421/450/451 means slow down), a 5xx reply is final, a connection failure is retried
 * sooner. Reasons carry the SMTP reply, never credentials.
 */
final class SmtpFailures {

  /** Delay after a transient SMTP reply. */
  static final Duration TRANSIENT_RETRY = Duration.ofSeconds(60);

  /** Delay after a connection or I/O failure. */
  static final Duration CONNECTION_RETRY = Duration.ofSeconds(30);

  /** How long to back off when the server throttles. */
  static final Duration RATE_LIMIT_BACKOFF = Duration.ofSeconds(60);

  private static final int MAX_REASON = 300;
  private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)[ -]?(.*)$");
  private static final Pattern RESPONSE_CODE = Pattern.compile("response: ([2-5]\\d\\d)[ -]?(.*)$");
  private static final Pattern THROTTLING =
      Pattern.compile(
          "(?i)(rate[ -]?limit|throttl|too many|too fast|slow down|limit exceeded"
              + "|exceeded .*limit|sending limit|frequency|try again in)");

  private SmtpFailures() {}

  /**
   * One SMTP reply.
   *
   * @param code the three-digit reply code
   * @param text the reply line, code included, on one line
   */
  record Reply(int code, String text) {}

  /** The result for a failed send. */
  static DeliveryResult toResult(MessagingException failure, String endpoint) {
    Optional<Reply> reply = reply(failure);
    if (reply.isPresent()) {
      return fromReply(reply.get());
    }
    return DeliveryResult.retryable(connectionReason(failure, endpoint), CONNECTION_RETRY);
  }

  /** The result for an SMTP reply code and its text. */
  static DeliveryResult fromReply(Reply reply) {
    int code = reply.code();
    String reason = "SMTP " + reply.text();
    if (code >= 500) {
      return DeliveryResult.permanent(reason);
    }
    if ((code == 421 || code == 450 || code == 451) && THROTTLING.matcher(reply.text()).find()) {
      return DeliveryResult.rateLimited(RATE_LIMIT_BACKOFF);
    }
    if (code >= 400) {
      return DeliveryResult.retryable(reason, TRANSIENT_RETRY);
    }
    // A 2xx/3xx reply where the client expected another one: the dialogue broke.
    return DeliveryResult.retryable("unexpected " + reason, CONNECTION_RETRY);
  }

  /** The first SMTP reply found in the exception chain. */
  static Optional<Reply> reply(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      if (t instanceof SMTPAddressFailedException address) {
        return Optional.of(reply(address.getReturnCode(), address.getMessage()));
      }
      if (t instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
        return Optional.of(reply(send.getReturnCode(), send.getMessage()));
      }
      Optional<Reply> parsed = parse(t);
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    return Optional.empty();
  }

  private static Optional<Reply> parse(Throwable t) {
    String message = t.getMessage();
    if (message == null || !(t instanceof MessagingException)) {
      return Optional.empty();
    }
    String line = oneLine(message);
    Matcher matcher =
        t instanceof AuthenticationFailedException
            ? LEADING_CODE.matcher(line)
            : RESPONSE_CODE.matcher(line);
    if (matcher.find()) {
      return Optional.of(
          reply(Integer.parseInt(matcher.group(1)), matcher.group(1) + " " + matcher.group(2)));
    }
    return Optional.empty();
  }

  private static Reply reply(int code, String text) {
    String line = text == null ? "" : oneLine(text);
    if (!line.startsWith(Integer.toString(code))) {
      line = code + " " + line;
    }
    return new Reply(code, truncate(line.strip()));
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
      return messaging.getNextException();
    }
    return t.getCause();
  }

  private static String connectionReason(MessagingException failure, String endpoint) {
    Throwable root = failure;
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      if (t instanceof IOException) {
        root = t;
        break;
      }
      root = t;
    }
    String detail = root.getMessage() == null ? "" : ": " + oneLine(root.getMessage());
    return truncate(
        "SMTP connection to " + endpoint + " failed: " + root.getClass().getSimpleName() + detail);
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ").strip();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
  }
}
