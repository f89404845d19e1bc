package io.herald.plugins.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.InboundCallback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook for a WhatsApp Business Account ("Webhooks" and "Status messages webhook
 * reference", developers.facebook.com/docs/whatsapp/cloud-api/webhooks): the GET subscription
 * handshake ({@code hub.mode=subscribe}, {@code hub.verify_token}, {@code hub.challenge}) and
 * POSTed {@code whatsapp_business_account} notifications signed with {@code X-Hub-Signature-256:
 * sha256=HMAC-SHA256(app secret, raw body)}. Statuses become delivery events ({@code read} →
 * delivered and opened, {@code failed} → failed with Meta's error), inbound messages become {@code
 * REPLIED} events from the sender's number.
 */
final class WhatsAppWebhook {

  static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

  private final WhatsAppSettings settings;
  private final ObjectMapper json;
  private final Clock clock;

  WhatsAppWebhook(WhatsAppSettings settings, ObjectMapper json, Clock clock) {
    this.settings = settings;
    this.json = json;
    this.clock = clock;
  }

  CallbackResult handle(InboundCallback callback) {
    if (callback.method().equals("GET")) {
      return handshake(callback);
    }
    if (!callback.method().equals("POST")) {
      return CallbackResult.rejected(405, "only GET (verification) and POST (notifications)");
    }
    if (settings.appSecret().isEmpty()) {
      return CallbackResult.rejected(
          403, "app_secret is not configured; notifications are refused");
    }
    byte[] body = callback.body();
    Optional<String> signature = callback.header(SIGNATURE_HEADER);
    if (signature.isEmpty()) {
      return CallbackResult.rejected(403, "missing " + SIGNATURE_HEADER);
    }
    if (!signatureMatches(signature.get(), body, settings.appSecret().get())) {
      return CallbackResult.rejected(403, SIGNATURE_HEADER + " does not match the body");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      return CallbackResult.rejected(400, "the body is not JSON");
    }
    if (root == null || !root.isObject()) {
      return CallbackResult.rejected(400, "the body is not a JSON object");
    }
    return CallbackResult.accepted(events(root));
  }

  private CallbackResult handshake(InboundCallback callback) {
    Optional<String> mode = callback.queryParameter("hub.mode");
    Optional<String> challenge = callback.queryParameter("hub.challenge");
    Optional<String> token = callback.queryParameter("hub.verify_token");
    if (mode.isEmpty() || challenge.isEmpty() || challenge.get().length() > 256) {
      return CallbackResult.rejected(400, "not a webhook verification request");
    }
    if (!mode.get().equals("subscribe")
        || settings.verifyToken().isEmpty()
        || token.isEmpty()
        || !constantTimeEquals(token.get(), settings.verifyToken().get())) {
      return CallbackResult.rejected(403, "the verify token does not match");
    }
    return new CallbackResult(200, "text/plain", challenge.get(), List.of());
  }

  static boolean signatureMatches(String header, byte[] body, String appSecret) {
    String value = header.trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(value.substring("sha256=".length()).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, hmac(appSecret, body));
  }

  static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private List<DeliveryEvent> events(JsonNode root) {
    List<DeliveryEvent> events = new ArrayList<>();
    if (!root.path("object").asText("").equals("whatsapp_business_account")) {
      return events;
    }
    for (JsonNode entry : root.path("entry")) {
      for (JsonNode change : entry.path("changes")) {
        JsonNode value = change.path("value");
        String number = value.path("metadata").path("phone_number_id").asText("");
        if (!number.isEmpty() && !number.equals(settings.phoneNumberId())) {
          continue; // another number of the same app: not this channel's
        }
        for (JsonNode status : value.path("statuses")) {
          statusEvents(status, events);
        }
        for (JsonNode message : value.path("messages")) {
          String from = message.path("from").asText("");
          if (!from.isEmpty()) {
            events.add(
                DeliveryEvent.replied(
                    message.path("id").asText(""),
                    e164(from),
                    text(message),
                    time(message.path("timestamp"))));
          }
        }
      }
    }
    return events;
  }

  private void statusEvents(JsonNode status, List<DeliveryEvent> events) {
    String id = status.path("id").asText("");
    if (id.isEmpty()) {
      return;
    }
    String recipient = e164(status.path("recipient_id").asText(""));
    Instant at = time(status.path("timestamp"));
    switch (status.path("status").asText("")) {
      case "delivered":
        events.add(DeliveryEvent.delivered(id, recipient, at));
        break;
      case "read":
        // Meta skips "delivered" when a message is read at once; read implies delivered.
        events.add(DeliveryEvent.delivered(id, recipient, at));
        events.add(DeliveryEvent.opened(id, recipient, at));
        break;
      case "failed":
        events.add(DeliveryEvent.failed(id, recipient, failure(status.path("errors")), at));
        break;
      default:
        // "sent" (the host marked it sent when the API accepted it), "deleted", "played".
        break;
    }
  }

  /** {@code "131047 Re-engagement message: <details>"} from a failed status's first error. */
  private static String failure(JsonNode errors) {
    JsonNode error = errors.path(0);
    if (error.isMissingNode()) {
      return "failed";
    }
    String code = error.path("code").asText("");
    if (code.equals("131047")) {
      return "131047 " + WhatsAppResponses.OUTSIDE_WINDOW;
    }
    String title = error.path("title").asText(error.path("message").asText(""));
    String details = error.path("error_data").path("details").asText("");
    String text = (code + " " + title).trim() + (details.isEmpty() ? "" : ": " + details);
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }

  /** A message's text; for media its caption or its kind in brackets. */
  private static String text(JsonNode message) {
    String type = message.path("type").asText("");
    JsonNode content = message.path(type);
    switch (type) {
      case "text":
        return content.path("body").asText("");
      case "button":
        return content.path("text").asText("[button]");
      case "interactive":
        JsonNode reply =
            content.has("button_reply") ? content.path("button_reply") : content.path("list_reply");
        return reply.path("title").asText("[interactive]");
      case "reaction":
        return content.path("emoji").asText("[reaction]");
      default:
        String caption = content.path("caption").asText("");
        return caption.isEmpty() ? "[" + (type.isEmpty() ? "unknown" : type) + "]" : caption;
    }
  }

  private static String e164(String waId) {
    String digits = waId.trim();
    return digits.isEmpty() || digits.startsWith("+") ? digits : "+" + digits;
  }

  private Instant time(JsonNode timestamp) {
    String text = timestamp.asText("");
    if (text.matches("[0-9]{1,12}")) {
      return Instant.ofEpochSecond(Long.parseLong(text));
    }
    return clock.instant();
  }
}
