package io.herald.objects.api;

import io.herald.objects.api.InvalidObjectDataException.Problem;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference to a custom object: either its type and the customer's {@code object_id} (identify
 * creates the object when it is missing), or Herald's stable {@code cio_object_id} (never creates).
 *
 * @param typeId the object type id, a positive whole number as a string ({@code "1"}); {@code null}
 *     when {@code cioObjectId} is given
 * @param objectId the customer's id of the object, at most 150 bytes; {@code null} when {@code
 *     cioObjectId} is given
 * @param cioObjectId Herald's id; {@code null} when type and object id are given
 */
public record ObjectRef(String typeId, String objectId, String cioObjectId) {

  /** Longest {@code object_id} and {@code cio_object_id}, in UTF-8 bytes (Customer.io's limit). */
  public static final int MAX_ID_BYTES = 150;

  /** Longest object type id, in digits. */
  static final int MAX_TYPE_DIGITS = 9;

  /**
   * Checks the form.
   *
   * @throws InvalidObjectDataException naming {@code object_type_id}, {@code object_id} or {@code
   *     cio_object_id}
   */
  public ObjectRef {
    List<Problem> problems = new ArrayList<>();
    if (cioObjectId != null) {
      if (typeId != null || objectId != null) {
        problems.add(
            new Problem(
                "identifiers",
                "give either object_type_id and object_id, or cio_object_id, not both"));
      }
      checkId("cio_object_id", cioObjectId, problems);
    } else {
      checkTypeId("object_type_id", typeId, problems);
      checkId("object_id", objectId, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
  }

  /** The object {@code objectId} of type {@code typeId}. */
  public static ObjectRef of(String typeId, String objectId) {
    return new ObjectRef(typeId, objectId, null);
  }

  /** The object with Herald's id {@code cioObjectId}. */
  public static ObjectRef ofCioObjectId(String cioObjectId) {
    return new ObjectRef(null, null, cioObjectId);
  }

  /** Whether this reference is by {@code cio_object_id} (update-only). */
  public boolean byCioObjectId() {
    return cioObjectId != null;
  }

  /** For messages: {@code object_type_id 1, object_id acme} or {@code cio_object_id …}. */
  public String describe() {
    return byCioObjectId()
        ? "cio_object_id " + cioObjectId
        : "object_type_id " + typeId + ", object_id " + objectId;
  }

  /**
   * Reads Customer.io's object identifiers: {@code {"object_type_id":"1","object_id":"acme"}} or
   * {@code {"cio_object_id":"…"}}. A numeric {@code object_type_id} ({@code 1}) is accepted, as
   * official clients send both.
   *
   * @param field the JSON path of {@code identifiers}, used in error messages
   * @throws InvalidObjectDataException naming the offending field under {@code field}
   */
  public static ObjectRef fromIdentifiers(JsonValue identifiers, String field) {
    if (!(identifiers instanceof JsonObject ids)) {
      throw InvalidObjectDataException.of(
          field, "must be an object with object_type_id and object_id, or cio_object_id");
    }
    List<Problem> problems = new ArrayList<>();
    for (String key : ids.keySet()) {
      if (!List.of("object_type_id", "object_id", "cio_object_id").contains(key)) {
        problems.add(
            new Problem(
                field + "." + key,
                "is not an object identifier: use object_type_id and object_id, or cio_object_id"));
      }
    }
    String cio = text(ids, "cio_object_id", field, problems);
    String type = typeText(ids, field, problems);
    String id = text(ids, "object_id", field, problems);
    if (cio == null && id != null) {
      List<Problem> idProblems = new ArrayList<>();
      checkId("object_id", id, idProblems);
      idProblems.forEach(p -> problems.add(p.under(field)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
    if (cio == null && type == null && id == null) {
      throw InvalidObjectDataException.of(
          field, "must have object_type_id and object_id, or cio_object_id");
    }
    try {
      return new ObjectRef(type, id, cio);
    } catch (InvalidObjectDataException e) {
      throw e.under(field);
    }
  }

  /**
   * Reads an object type id given as a string ({@code "1"}) or a whole number ({@code 1}).
   *
   * @return the canonical string form
   * @throws InvalidObjectDataException naming {@code field}
   */
  public static String typeIdFrom(JsonValue value, String field) {
    String text;
    if (value instanceof JsonString s) {
      text = s.getString();
    } else if (value instanceof JsonNumber n && n.isIntegral()) {
      text = n.bigIntegerValue().toString();
    } else {
      throw InvalidObjectDataException.of(field, "must be an object type id such as \"1\"");
    }
    List<Problem> problems = new ArrayList<>();
    checkTypeId(field, text, problems);
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
    return text;
  }

  /** Whether {@code typeId} is a well-formed object type id. */
  public static boolean isTypeId(String typeId) {
    List<Problem> problems = new ArrayList<>();
    checkTypeId("object_type_id", typeId, problems);
    return problems.isEmpty();
  }

  private static String typeText(JsonObject ids, String field, List<Problem> problems) {
    JsonValue value = ids.get("object_type_id");
    if (value == null) {
      return null;
    }
    try {
      return typeIdFrom(value, "object_type_id");
    } catch (InvalidObjectDataException e) {
      e.problems().forEach(p -> problems.add(p.under(field)));
      return null;
    }
  }

  private static String text(JsonObject ids, String key, String field, List<Problem> problems) {
    JsonValue value = ids.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      return n.bigIntegerValue().toString();
    }
    problems.add(new Problem(field + "." + key, "must be a string"));
    return null;
  }

  private static void checkTypeId(String field, String typeId, List<Problem> problems) {
    if (typeId == null) {
      problems.add(new Problem(field, "is required"));
    } else if (!typeId.matches("[1-9][0-9]{0," + (MAX_TYPE_DIGITS - 1) + "}")) {
      problems.add(
          new Problem(
              field,
              "must be a positive whole number of at most "
                  + MAX_TYPE_DIGITS
                  + " digits, such as \"1\""));
    }
  }

  private static void checkId(String field, String id, List<Problem> problems) {
    if (id == null) {
      problems.add(new Problem(field, "is required"));
    } else if (id.isBlank()) {
      problems.add(new Problem(field, "must not be empty"));
    } else if (bytes(id) > MAX_ID_BYTES) {
      problems.add(new Problem(field, "is " + bytes(id) + " bytes; the limit is " + MAX_ID_BYTES));
    }
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
