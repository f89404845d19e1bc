package io.herald.inapp.rest;

import io.herald.inapp.api.InAppMessage;
import io.herald.inapp.internal.ContentJson;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** The in-app endpoints' JSON in and out. */
final class SdkJson {

  private SdkJson() {}

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

  /** The body as a JSON object, or a 400/413 in the App API's error shape. */
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

  /** A string field, null when absent; a 400 naming the field when it is not a string. */
  static String string(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new Refused(ApiErrors.app(Status.BAD_REQUEST, field + " must be a string"));
    }
    return ((jakarta.json.JsonString) v).getString();
  }

  /** {@code {"messages":[…]}}: what the SDK shows, oldest first. */
  static JsonObject messages(List<InAppMessage> messages) {
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    for (InAppMessage m : messages) {
      list.add(message(m));
    }
    return Jsons.createObjectBuilder().add("messages", list).build();
  }

  /** One message as the SDK receives it. */
  static JsonObject message(InAppMessage m) {
    JsonObjectBuilder b = Jsons.createObjectBuilder().add("id", m.deliveryId());
    for (Map.Entry<String, JsonValue> e : ContentJson.write(m.content()).entrySet()) {
      b.add(e.getKey(), e.getValue());
    }
    b.add("created_at", m.createdAt().getEpochSecond());
    b.add("expires_at", m.expiresAt().getEpochSecond());
    return b.build();
  }

  /** A JSON answer never stored by caches (it is one person's). */
  static Response ok(JsonObject body) {
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
        .cacheControl(noStore())
        .build();
  }

  static CacheControl noStore() {
    CacheControl cc = new CacheControl();
    cc.setNoStore(true);
    cc.setNoCache(true);
    return cc;
  }
}
