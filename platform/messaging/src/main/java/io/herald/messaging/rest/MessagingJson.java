package io.herald.messaging.rest;

import io.herald.messaging.api.ChannelSettingView;
import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.LayoutView;
import io.herald.messaging.api.SnippetView;
import io.herald.messaging.api.TransactionalView;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;

/** The messaging endpoints' JSON: bodies in, Customer.io-shaped views out. */
final class MessagingJson {

  private MessagingJson() {}

  /** Thrown with the error response to send. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    Refused(Response response) {
      super(null, null, false, false);
      this.response = response;
    }

    Response response() {
      return response;
    }
  }

  /** The body as a JSON object, or a Customer.io-shaped 400/413. */
  static JsonObject object(InputStream body, int maxBytes) {
    JsonValue value;
    try {
      value = JsonBodies.parse(JsonBodies.read(body, maxBytes));
    } catch (JsonBodies.BodyException e) {
      throw new Refused(
          ApiErrors.app(
              e.tooLarge() ? Status.REQUEST_ENTITY_TOO_LARGE : Status.BAD_REQUEST, e.getMessage()));
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new Refused(ApiErrors.app(Status.BAD_REQUEST, "request body must be a JSON object"));
    }
    return value.asJsonObject();
  }

  static Response ok(JsonObject body) {
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  static Response status(Status status, JsonObject body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString())
        .build();
  }

  static long seconds(Instant instant) {
    return instant.getEpochSecond();
  }

  static JsonObject transactional(TransactionalView v) {
    var c = v.content();
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", v.id())
            .add("name", c.name())
            .add("description", c.description())
            .add("subject", c.subject())
            .add("from", c.from())
            .add("reply_to", c.replyTo())
            .add("preheader", c.preheader())
            .add("body", c.body())
            .add("body_plain", c.bodyPlain())
            .add("send_to_unsubscribed", c.sendToUnsubscribed())
            .add("created_at", seconds(v.createdAt()))
            .add("updated_at", seconds(v.updatedAt()));
    addOrNull(b, "trigger_name", c.triggerName());
    addOrNull(b, "topic_id", c.topicId());
    if (c.layoutId() == null) {
      b.addNull("layout_id");
    } else {
      b.add("layout_id", c.layoutId());
    }
    b.add("channel", c.channel());
    c.channelContent().forEach((k, value) -> b.add(k, fromJava(value)));
    return b.build();
  }

  /** Customer.io's snippet object. */
  static JsonObject snippet(SnippetView v) {
    return Jsons.createObjectBuilder()
        .add("name", v.name())
        .add("value", v.value())
        .add("updated_at", seconds(v.updatedAt()))
        .build();
  }

  static JsonObject layout(LayoutView v) {
    return Jsons.createObjectBuilder()
        .add("id", v.id())
        .add("name", v.content().name())
        .add("html", v.content().html())
        .add("created_at", seconds(v.createdAt()))
        .add("updated_at", seconds(v.updatedAt()))
        .build();
  }

  static JsonObject channelSetting(ChannelSettingView v) {
    JsonObjectBuilder settings = Jsons.createObjectBuilder();
    v.settings().forEach(settings::add);
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("name", v.name())
            .add("channel", v.channel())
            .add("provider", v.provider())
            .add("default", v.isDefault())
            .add("settings", settings)
            .add("secrets_set", Jsons.createArrayBuilder(v.secretsSet().stream().sorted().toList()))
            .add("updated_at", seconds(v.updatedAt()))
            .add("callback_url", v.callbackUrl());
    if (v.rateLimit() == null) {
      b.addNull("rate_limit");
    } else {
      JsonObjectBuilder domains = Jsons.createObjectBuilder();
      v.rateLimit().domains().forEach(domains::add);
      b.add(
          "rate_limit",
          Jsons.createObjectBuilder()
              .add("per_second", v.rateLimit().perSecond())
              .add("burst", v.rateLimit().burst())
              .add("domains", domains));
    }
    return b.build();
  }

  /** Customer.io's message object ({@code GET /v1/messages/{id}}). */
  static JsonObject delivery(DeliveryView v) {
    JsonObjectBuilder metrics = Jsons.createObjectBuilder();
    for (Map.Entry<String, Instant> m : v.metrics().entrySet()) {
      metrics.add(m.getKey(), seconds(m.getValue()));
    }
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", v.deliveryId())
            .add("type", v.channel())
            .add("recipient", v.recipient())
            .add("state", v.state())
            .add("attempts", v.attempts())
            .add("metrics", metrics)
            .add("created", seconds(v.createdAt()));
    addOrNull(b, "cio_id", v.cioId());
    addOrNull(b, "subject", v.subject());
    addOrNull(b, "failure_message", v.reason());
    addOrNull(b, "provider_message_id", v.providerMessageId());
    if (v.transactionalId() == null) {
      b.addNull("transactional_message_id");
    } else {
      b.add("transactional_message_id", v.transactionalId());
    }
    if (!v.response().isEmpty()) {
      b.add("response", fromJava(v.response()));
    }
    return b.build();
  }

  /** A Java JSON value (maps, lists, strings, numbers, booleans, null) as JSON-P. */
  static jakarta.json.JsonValue fromJava(Object value) {
    Map<String, Object> box = new java.util.HashMap<>();
    box.put("v", value);
    return Jsons.createObjectBuilder(box).build().get("v");
  }

  private static void addOrNull(JsonObjectBuilder b, String name, String value) {
    if (value == null) {
      b.addNull(name);
    } else {
      b.add(name, value);
    }
  }
}
