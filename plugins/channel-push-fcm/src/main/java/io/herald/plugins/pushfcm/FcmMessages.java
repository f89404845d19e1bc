package io.herald.plugins.pushfcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugins.pushsupport.Payloads;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the body of {@code POST /v1/projects/{project}/messages:send} from a message: {@code
 * {"message":{"token","notification","data","android","apns"}}} as in FCM's REST reference
 * (projects.messages, resource Message). The plugin README lists which payload key goes where.
 */
final class FcmMessages {

  /** Payload keys of {@code android} that are translated rather than copied. */
  private static final Set<String> ANDROID_TRANSLATED =
      Set.of(
          "priority",
          "ttl_seconds",
          "channel_id",
          "collapse_key",
          "icon",
          "color",
          "tag",
          "click_action",
          "sound",
          "notification");

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

  FcmMessages(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The request body for {@code message}. */
  ObjectNode body(OutboundMessage message) {
    Map<String, Object> payload = message.payload();
    String platform = Payloads.string(payload, "platform").orElse("").toLowerCase(Locale.ROOT);
    boolean android = !platform.equals("ios");
    boolean ios = !platform.equals("android");
    Optional<String> image = Payloads.string(payload, "image_url");
    Optional<String> link = Payloads.string(payload, "link");

    ObjectNode fcm = mapper.createObjectNode();
    fcm.put("token", message.recipient());

    ObjectNode notification = mapper.createObjectNode();
    putIfPresent(notification, "title", message.subject());
    putIfPresent(notification, "body", message.body());
    if (!notification.isEmpty()) {
      image.ifPresent(url -> notification.put("image", url));
      fcm.set("notification", notification);
    }

    ObjectNode data = mapper.createObjectNode();
    Payloads.strings(Payloads.object(payload, "data"), mapper).forEach(data::put);
    // Customer.io's SDKs read the deep link and the image from data.link / data.image.
    link.ifPresent(url -> data.put("link", url));
    image.ifPresent(url -> data.put("image", url));
    if (!data.isEmpty()) {
      fcm.set("data", data);
    }

    if (android) {
      ObjectNode config = androidConfig(payload);
      if (!config.isEmpty()) {
        fcm.set("android", config);
      }
    }
    if (ios) {
      ObjectNode config = apnsConfig(payload, image, link);
      if (!config.isEmpty()) {
        fcm.set("apns", config);
      }
    }

    customPayload(payload, platform).ifPresent(custom -> Payloads.deepMerge(fcm, custom));
    fcm.put("token", message.recipient());
    stringifyData(fcm);

    ObjectNode body = mapper.createObjectNode();
    body.set("message", fcm);
    return body;
  }

  private ObjectNode androidConfig(Map<String, Object> payload) {
    Map<String, Object> options = Payloads.object(payload, "android");
    ObjectNode config = mapper.createObjectNode();
    Payloads.string(options, "priority")
        .map(p -> p.toUpperCase(Locale.ROOT))
        .ifPresent(p -> config.put("priority", p));
    Payloads.number(options, "ttl_seconds").ifPresent(s -> config.put("ttl", s + "s"));
    Payloads.string(options, "collapse_key")
        .or(() -> Payloads.string(payload, "collapse_id"))
        .ifPresent(key -> config.put("collapse_key", key));
    options.forEach(
        (key, value) -> {
          if (!ANDROID_TRANSLATED.contains(key)) {
            config.set(key, mapper.valueToTree(value));
          }
        });

    ObjectNode notification = mapper.createObjectNode();
    Payloads.string(options, "channel_id").ifPresent(v -> notification.put("channel_id", v));
    for (String key : new String[] {"icon", "color", "tag", "click_action"}) {
      Payloads.string(options, key).ifPresent(v -> notification.put(key, v));
    }
    Payloads.string(options, "sound")
        .or(() -> Payloads.string(payload, "sound"))
        .ifPresent(v -> notification.put("sound", v));
    Payloads.number(payload, "badge").ifPresent(n -> notification.put("notification_count", n));
    Payloads.deepMerge(notification, mapper.valueToTree(Payloads.object(options, "notification")));
    if (!notification.isEmpty()) {
      config.set("notification", notification);
    }
    return config;
  }

  private ObjectNode apnsConfig(
      Map<String, Object> payload, Optional<String> image, Optional<String> link) {
    ObjectNode aps = mapper.createObjectNode();
    Payloads.string(payload, "sound").ifPresent(v -> aps.put("sound", v));
    Payloads.number(payload, "badge").ifPresent(n -> aps.put("badge", n));
    Payloads.string(payload, "category").ifPresent(v -> aps.put("category", v));
    if (Payloads.flag(payload, "mutable_content") || image.isPresent()) {
      aps.put("mutable-content", 1);
    }
    ObjectNode apnsPayload = mapper.createObjectNode();
    if (!aps.isEmpty()) {
      apnsPayload.set("aps", aps);
    }
    if (link.isPresent() || image.isPresent()) {
      // Customer.io's iOS SDK reads CIO.push.link and CIO.push.image.
      ObjectNode push = apnsPayload.putObject("CIO").putObject("push");
      link.ifPresent(v -> push.put("link", v));
      image.ifPresent(v -> push.put("image", v));
    }
    mergeIos(apnsPayload, mapper.valueToTree(Payloads.object(payload, "ios")));

    ObjectNode config = mapper.createObjectNode();
    Optional<String> collapse = Payloads.string(payload, "collapse_id");
    if (collapse.isPresent()) {
      config.putObject("headers").put("apns-collapse-id", collapse.get());
    }
    if (!apnsPayload.isEmpty()) {
      config.set("payload", apnsPayload);
    }
    image.ifPresent(url -> config.putObject("fcm_options").put("image", url));
    return config;
  }

  /**
   * Merges the {@code ios} payload object into an APNs payload: {@code aps} and Apple's {@code aps}
   * keys into {@code aps}, anything else as a custom top-level key.
   */
  static void mergeIos(ObjectNode apnsPayload, JsonNode ios) {
    if (ios == null || !ios.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = ios.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (key.equals("aps")) {
        ObjectNode aps = apsOf(apnsPayload);
        Payloads.deepMerge(aps, field.getValue());
      } else if (APS_KEYS.contains(key)) {
        ObjectNode aps = apsOf(apnsPayload);
        ObjectNode one = aps.objectNode();
        one.set(key, field.getValue());
        Payloads.deepMerge(aps, one);
      } else {
        ObjectNode one = apnsPayload.objectNode();
        one.set(key, field.getValue());
        Payloads.deepMerge(apnsPayload, one);
      }
    }
  }

  private static ObjectNode apsOf(ObjectNode apnsPayload) {
    JsonNode aps = apnsPayload.get("aps");
    return aps instanceof ObjectNode object ? object : apnsPayload.putObject("aps");
  }

  /**
   * Customer.io's {@code custom_payload}: the platform's entry (the {@code android} one when the
   * platform is unknown, as Customer.io uses the Android tab for FCM), a {@code {"message":{…}}}
   * object merged over the built message.
   */
  private Optional<JsonNode> customPayload(Map<String, Object> payload, String platform) {
    Map<String, Object> custom = Payloads.object(payload, "custom_payload");
    Map<String, Object> chosen =
        Payloads.object(custom, platform.equals("ios") ? "ios" : "android");
    if (chosen.isEmpty()) {
      chosen = Payloads.object(custom, "android");
    }
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    Object message = chosen.get("message");
    return Optional.of(mapper.valueToTree(message instanceof Map<?, ?> ? message : chosen));
  }

  /** FCM's {@code data} is a map of strings; a custom payload may have put other values in it. */
  private void stringifyData(ObjectNode fcm) {
    JsonNode data = fcm.get("data");
    if (!(data instanceof ObjectNode object)) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    ObjectNode strings = mapper.createObjectNode();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      strings.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
    }
    fcm.set("data", strings);
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null && !value.isBlank()) {
      node.put(key, value);
    }
  }
}
