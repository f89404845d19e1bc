package io.herald.plugins.pushapns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugins.pushsupport.Payloads;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the APNs JSON payload and the per-message headers from a message (Apple's "Generating a
 * remote notification" and "Sending notification requests to APNs"). The plugin README lists which
 * payload key goes where.
 */
final class ApnsPayloads {

  /** Keys of Apple's {@code aps} dictionary: an {@code ios} entry with one of them goes there. */
  static final Set<String> APS_KEYS =
      Set.of(
          "alert",
          "badge",
          "sound",
          "thread-id",
          "category",
          "content-available",
          "mutable-content",
          "target-content-id",
          "interruption-level",
          "relevance-score",
          "filter-criteria",
          "stale-date",
          "content-state",
          "timestamp",
          "event",
          "dismissal-date",
          "attributes-type",
          "attributes");

  private final ObjectMapper mapper;

  ApnsPayloads(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * What one notification request carries besides the token and authorization.
   *
   * @param payload the JSON body
   * @param pushType {@code alert} when it shows, sounds or badges; {@code background} otherwise
   * @param priority 10 (immediately) for alerts, 5 (power-considerate) for background pushes, as
   *     Apple requires for background notifications
   * @param collapseId the {@code apns-collapse-id}, if any
   */
  record Request(ObjectNode payload, String pushType, int priority, Optional<String> collapseId) {}

  /** The request for {@code message}. */
  Request request(OutboundMessage message) {
    Map<String, Object> payload = message.payload();
    Optional<String> image = Payloads.string(payload, "image_url");
    Optional<String> link = Payloads.string(payload, "link");

    ObjectNode root = mapper.createObjectNode();
    ObjectNode aps = root.putObject("aps");
    ObjectNode alert = mapper.createObjectNode();
    if (!message.subject().isBlank()) {
      alert.put("title", message.subject());
    }
    if (!message.body().isBlank()) {
      alert.put("body", message.body());
    }
    if (!alert.isEmpty()) {
      aps.set("alert", alert);
    }
    Payloads.number(payload, "badge").ifPresent(n -> aps.put("badge", n));
    Payloads.string(payload, "sound").ifPresent(v -> aps.put("sound", v));
    Payloads.string(payload, "category").ifPresent(v -> aps.put("category", v));
    if (Payloads.flag(payload, "mutable_content") || image.isPresent()) {
      // A notification service extension only runs for mutable content; it fetches the image.
      aps.put("mutable-content", 1);
    }
    Payloads.object(payload, "data")
        .forEach(
            (key, value) -> {
              if (!key.equals("aps") && value != null) {
                root.set(key, mapper.valueToTree(value));
              }
            });
    if (link.isPresent() || image.isPresent()) {
      // Customer.io's iOS SDK reads CIO.push.link and CIO.push.image.
      ObjectNode push = root.putObject("CIO").putObject("push");
      link.ifPresent(v -> push.put("link", v));
      image.ifPresent(v -> push.put("image", v));
    }
    mergeIos(root, mapper.valueToTree(Payloads.object(payload, "ios")));
    Map<String, Object> custom = Payloads.object(payload, "custom_payload");
    Payloads.deepMerge(root, mapper.valueToTree(Payloads.object(custom, "ios")));

    JsonNode finalAps = root.path("aps");
    boolean shows = finalAps.has("alert") || finalAps.has("badge") || finalAps.has("sound");
    ObjectNode apsNode = root.get("aps") instanceof ObjectNode o ? o : root.putObject("aps");
    if (!shows && !apsNode.has("content-available")) {
      apsNode.put("content-available", 1);
    }
    return new Request(
        root,
        shows ? "alert" : "background",
        shows ? 10 : 5,
        Payloads.string(payload, "collapse_id"));
  }

  /**
   * Merges the {@code ios} payload object: {@code aps} and Apple's {@code aps} keys into {@code
   * aps}, anything else as a custom top-level key.
   */
  static void mergeIos(ObjectNode root, JsonNode ios) {
    if (ios == null || !ios.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = ios.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      ObjectNode one = root.objectNode();
      if (key.equals("aps")) {
        Payloads.deepMerge(apsOf(root), field.getValue());
      } else if (APS_KEYS.contains(key)) {
        one.set(key, field.getValue());
        Payloads.deepMerge(apsOf(root), one);
      } else {
        one.set(key, field.getValue());
        Payloads.deepMerge(root, one);
      }
    }
  }

  private static ObjectNode apsOf(ObjectNode root) {
    JsonNode aps = root.get("aps");
    return aps instanceof ObjectNode object ? object : root.putObject("aps");
  }
}
