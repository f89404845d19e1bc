package io.herald.plugins.smstwilio;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.InboundCallback;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's requests to a setting's callback URL: message status callbacks (sub-path {@code status})
 * and incoming messages (sub-path {@code inbound}); with no sub-path a request carrying {@code
 * MessageStatus} is a status callback and any other an incoming message. Every request must carry a
 * valid {@code X-Twilio-Signature} (403 otherwise), which needs the auth token. Answers are TwiML,
 * as Twilio expects: {@code <Response/>} when there is nothing to say.
 */
final class TwilioCallbacks {

  static final String STATUS = "status";
  static final String INBOUND = "inbound";

  private final Optional<TwilioSignature> signature;
  private final String helpText;
  private final String stopText;
  private final Clock clock;
  private final System.Logger log;

  TwilioCallbacks(
      Optional<TwilioSignature> signature,
      String helpText,
      String stopText,
      Clock clock,
      System.Logger log) {
    this.signature = signature;
    this.helpText = helpText;
    this.stopText = stopText;
    this.clock = clock;
    this.log = log;
  }

  /** The answer to one request; never throws for what the request holds. */
  CallbackResult handle(InboundCallback callback) {
    String subPath = callback.subPath();
    if (!subPath.isEmpty() && !subPath.equals(STATUS) && !subPath.equals(INBOUND)) {
      return CallbackResult.notHandled();
    }
    if (!callback.method().equals("POST") && !callback.method().equals("GET")) {
      return CallbackResult.rejected(405, "Twilio calls with POST or GET");
    }
    Optional<String> refusal = refusal(callback);
    if (refusal.isPresent()) {
      log.log(Level.WARNING, "Twilio callback refused: {0}", refusal.get());
      return CallbackResult.rejected(403, refusal.get());
    }
    FormParams params = parameters(callback);
    boolean status =
        subPath.equals(STATUS) || (subPath.isEmpty() && params.first("MessageStatus").isPresent());
    return status ? status(params) : inbound(params);
  }

  /** Why the request is not Twilio's, if it is not. */
  private Optional<String> refusal(InboundCallback callback) {
    if (signature.isEmpty()) {
      return Optional.of(
          "no auth token is set, and Twilio signs its callbacks with it: none can be checked");
    }
    Optional<String> given = callback.header(TwilioSignature.HEADER).filter(s -> !s.isBlank());
    if (given.isEmpty()) {
      return Optional.of("the request has no " + TwilioSignature.HEADER + " header");
    }
    String url = callback.url();
    if (url.isEmpty()) {
      return Optional.of(
          "the host did not pass the called URL, so the signature cannot be checked");
    }
    Map<String, List<String>> signed = Map.of();
    if (callback.method().equals("POST")) {
      if (callback.mediaType().equals("application/json")) {
        if (!TwilioSignature.bodyMatchesHash(url, callback.body())) {
          return Optional.of("the JSON body does not match the bodySHA256 of the URL");
        }
      } else if (isForm(callback)) {
        signed = FormParams.parse(callback.bodyText(), StandardCharsets.UTF_8).sorted();
      }
    }
    if (!signature.get().matches(given.get(), url, signed)) {
      return Optional.of(
          TwilioSignature.HEADER
              + " does not match (check the auth token, and that Twilio calls exactly the URL"
              + " Herald's public URL gives)");
    }
    return Optional.empty();
  }

  /** The form body's parameters, then the query's (GET requests carry them there). */
  private static FormParams parameters(InboundCallback callback) {
    FormParams params =
        callback.method().equals("POST") && isForm(callback)
            ? FormParams.parse(callback.bodyText(), StandardCharsets.UTF_8)
            : FormParams.empty();
    callback.query().forEach((name, values) -> values.forEach(v -> params.add(name, v)));
    return params;
  }

  private static boolean isForm(InboundCallback callback) {
    String type = callback.mediaType();
    return type.isEmpty() || type.equals("application/x-www-form-urlencoded");
  }

  /**
   * A status callback: {@code delivered} becomes a delivered event, {@code undelivered} and {@code
   * failed} a failed one with Twilio's error code, {@code read} (WhatsApp, RCS) an opened one,
   * {@code canceled} (a scheduled message) a failed one; the intermediate states (queued, accepted,
   * scheduled, sending, sent) none.
   */
  private CallbackResult status(FormParams params) {
    String sid = params.first("MessageSid").orElse(params.get("SmsSid"));
    String state =
        params.first("MessageStatus").orElse(params.get("SmsStatus")).toLowerCase(Locale.ROOT);
    if (sid.isEmpty() || state.isEmpty()) {
      return CallbackResult.rejected(400, "a status callback needs MessageSid and MessageStatus");
    }
    String to = params.get("To");
    Instant now = clock.instant();
    List<DeliveryEvent> events = new ArrayList<>();
    switch (state) {
      case "delivered":
        events.add(DeliveryEvent.delivered(sid, to, now));
        break;
      case "undelivered":
      case "failed":
      case "canceled":
        events.add(DeliveryEvent.failed(sid, to, failure(state, params), now));
        break;
      case "read":
        events.add(DeliveryEvent.opened(sid, to, now));
        break;
      default:
        break;
    }
    log.log(Level.DEBUG, "Twilio status callback: message {0} is {1}", sid, state);
    return new CallbackResult(200, TwiML.CONTENT_TYPE, TwiML.EMPTY, events);
  }

  /** For example {@code undelivered: Twilio error 30003 (Unreachable destination handset)}. */
  private static String failure(String state, FormParams params) {
    String code = params.get("ErrorCode").trim();
    if (code.isEmpty()) {
      return state;
    }
    String text = params.first("ErrorMessage").filter(m -> !m.isBlank()).orElse(known(code));
    return state
        + ": Twilio error "
        + code
        + (text.isEmpty() ? "" : " (" + text + ")")
        + ", https://www.twilio.com/docs/errors/"
        + code;
  }

  /** Twilio's titles of the delivery errors status callbacks report most. */
  private static String known(String code) {
    switch (code) {
      case "30001":
        return "Queue overflow";
      case "30002":
        return "Account suspended";
      case "30003":
        return "Unreachable destination handset";
      case "30004":
        return "Message blocked";
      case "30005":
        return "Unknown destination handset";
      case "30006":
        return "Landline or unreachable carrier";
      case "30007":
        return "Message filtered";
      case "30008":
        return "Unknown error";
      case "21610":
        return "Attempt to send to unsubscribed recipient";
      default:
        return "";
    }
  }

  /**
   * An incoming message: an opt-out word unsubscribes the sender (answered with the STOP
   * confirmation when one is set), an opt-in word resubscribes them, HELP or INFO is answered with
   * the HELP text, and anything else is a reply.
   */
  private CallbackResult inbound(FormParams params) {
    String from = params.get("From").trim();
    if (from.isEmpty()) {
      return CallbackResult.rejected(400, "an incoming message needs From");
    }
    String body = params.get("Body");
    Instant now = clock.instant();
    Keywords keyword = Keywords.of(body, params.get("OptOutType"));
    log.log(Level.DEBUG, "Twilio incoming message {0}: {1}", params.get("MessageSid"), keyword);
    switch (keyword) {
      case STOP:
        return twiml(TwiML.message(stopText), DeliveryEvent.unsubscribed(from, body.strip(), now));
      case START:
        return twiml(TwiML.EMPTY, DeliveryEvent.resubscribed(from, body.strip(), now));
      case HELP:
        return new CallbackResult(200, TwiML.CONTENT_TYPE, TwiML.message(helpText), List.of());
      default:
        return twiml(
            TwiML.EMPTY, DeliveryEvent.replied(params.get("MessageSid"), from, text(params), now));
    }
  }

  /** The text, or for a message with media only its kind, for example {@code [image/jpeg]}. */
  private static String text(FormParams params) {
    String body = params.get("Body");
    if (!body.isBlank()) {
      return body;
    }
    String media = params.get("MediaContentType0");
    return media.isEmpty() ? body : "[" + media + "]";
  }

  private static CallbackResult twiml(String answer, DeliveryEvent event) {
    return new CallbackResult(200, TwiML.CONTENT_TYPE, answer, List.of(event));
  }
}
