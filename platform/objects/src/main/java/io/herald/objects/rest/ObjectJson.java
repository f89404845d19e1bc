package io.herald.objects.rest;

import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectIdentifiers;
import io.herald.objects.api.ObjectNotFoundException;
import io.herald.objects.api.ObjectRef;
import io.herald.objects.api.ObjectTypeView;
import io.herald.objects.api.ObjectView;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;

/** The App API's JSON shapes for objects, and its error answers. */
final class ObjectJson {

  private ObjectJson() {}

  /** {@code {"id":"1","name":"Companies","created_at":<unix>}}. */
  static JsonObjectBuilder type(ObjectTypeView type) {
    return Jsons.createObjectBuilder()
        .add("id", type.id())
        .add("name", type.name())
        .add("created_at", type.createdAt().getEpochSecond());
  }

  /** {@code {"object_type_id","object_id","cio_object_id"}}. */
  static JsonObjectBuilder identifiers(ObjectIdentifiers ids) {
    return Jsons.createObjectBuilder()
        .add("object_type_id", ids.typeId())
        .add("object_id", ids.objectId())
        .add("cio_object_id", ids.cioObjectId());
  }

  /**
   * Customer.io's object attributes shape: {@code {"object":{"object_type_id","identifiers",
   * "attributes","timestamps"}}} (plus Herald's {@code created_at}/{@code updated_at}).
   */
  static JsonObjectBuilder object(ObjectView object) {
    JsonObjectBuilder timestamps = Jsons.createObjectBuilder();
    object.timestamps().forEach(timestamps::add);
    return Jsons.createObjectBuilder()
        .add(
            "object",
            Jsons.createObjectBuilder()
                .add("object_type_id", object.identifiers().typeId())
                .add("identifiers", identifiers(object.identifiers()))
                .add("attributes", object.attributes())
                .add("timestamps", timestamps)
                .add("created_at", object.createdAt().getEpochSecond())
                .add("updated_at", object.updatedAt().getEpochSecond()));
  }

  static Response ok(JsonObjectBuilder body) {
    return status(Response.Status.OK, body.build());
  }

  static Response status(Response.Status status, JsonObject body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString())
        .build();
  }

  static Response emptyOk() {
    return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
  }

  static Response invalid(InvalidObjectDataException e) {
    return ApiErrors.app(Response.Status.BAD_REQUEST, String.join("; ", e.messages()));
  }

  static Response notFound(String message) {
    return ApiErrors.app(Response.Status.NOT_FOUND, message);
  }

  static Response notFound(ObjectNotFoundException e) {
    return notFound(e.getMessage());
  }

  /**
   * Reads the object a path names: {@code id_type=object_id} (default) or {@code cio_object_id}.
   *
   * @throws InvalidObjectDataException for a malformed type, id or id_type
   */
  static ObjectRef pathRef(String typeId, String objectId, String idType) {
    if (!ObjectRef.isTypeId(typeId)) {
      throw InvalidObjectDataException.of(
          "object_type_id", "must be a positive whole number such as \"1\"");
    }
    String type =
        idType == null || idType.isEmpty() ? "object_id" : idType.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "object_id" -> ObjectRef.of(typeId, objectId);
      case "cio_object_id" -> ObjectRef.ofCioObjectId(objectId);
      default ->
          throw InvalidObjectDataException.of("id_type", "must be object_id or cio_object_id");
    };
  }

  /** Whether a found object is of the type the path names (matters for cio_object_id paths). */
  static boolean ofType(ObjectView object, String typeId) {
    return object.identifiers().typeId().equals(typeId);
  }

  /**
   * Reads a JSON object body of at most {@code maxBytes}.
   *
   * @throws BadBody with the App API error response to send
   */
  static JsonObject body(InputStream in, int maxBytes) {
    JsonValue value;
    try {
      value = JsonBodies.parse(JsonBodies.read(in, maxBytes));
    } catch (JsonBodies.BodyException e) {
      throw new BadBody(
          ApiErrors.app(
              e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
              e.getMessage()));
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadBody(
          ApiErrors.app(Response.Status.BAD_REQUEST, "request body must be a JSON object"));
    }
    return value.asJsonObject();
  }

  /** A refused body, carrying the answer. */
  static final class BadBody extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    BadBody(Response response) {
      super(null, null, false, false);
      this.response = response;
    }

    Response response() {
      return response;
    }
  }
}
