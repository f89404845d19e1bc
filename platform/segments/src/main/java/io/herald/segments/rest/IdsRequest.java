package io.herald.segments.rest;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.segments.api.SegmentService;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code add_customers} and {@code remove_customers}: {@code {"ids":["…", …]}}, 1 to
 * 1000 identifiers, all of the call's {@code id_type}. Integral numbers are read as ids (SDK users
 * pass numeric ids); a {@code cio_} prefix on a cio_id is dropped, as on the Track API's paths.
 *
 * @param refs one reference per identifier, in order (values that name nobody are the service's to
 *     skip)
 */
record IdsRequest(List<PersonRef> refs) {

  /**
   * A parse outcome: the request, or the problems.
   *
   * @param request the request, {@code null} when there are problems
   * @param problems one message per problem
   */
  record Parsed(IdsRequest request, List<String> problems) {}

  static Parsed parse(JsonValue body, IdType type) {
    if (body.getValueType() != JsonValue.ValueType.OBJECT) {
      return refused("request body must be a JSON object: {\"ids\":[…]}");
    }
    JsonValue ids = body.asJsonObject().get("ids");
    if (ids == null || ids == JsonValue.NULL) {
      return refused(
          "ids is required: an array of 1 to " + SegmentService.MAX_REFERENCES + " identifiers");
    }
    if (ids.getValueType() != JsonValue.ValueType.ARRAY) {
      return refused("ids must be an array of strings");
    }
    JsonArray values = ids.asJsonArray();
    if (values.isEmpty()) {
      return refused("ids must hold 1 to " + SegmentService.MAX_REFERENCES + " identifiers");
    }
    if (values.size() > SegmentService.MAX_REFERENCES) {
      return refused(
          "ids holds "
              + values.size()
              + " identifiers; the limit is "
              + SegmentService.MAX_REFERENCES
              + " per request");
    }
    List<String> problems = new ArrayList<>();
    List<PersonRef> refs = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      JsonValue value = values.get(i);
      String text;
      if (value instanceof JsonString s) {
        text = s.getString().trim();
      } else if (value instanceof JsonNumber n && n.isIntegral() && type == IdType.ID) {
        text = n.bigIntegerValue().toString();
      } else {
        problems.add("ids[" + i + "] must be a string");
        continue;
      }
      if (type == IdType.CIO_ID && text.startsWith("cio_")) {
        text = text.substring(4);
      }
      refs.add(new PersonRef(type, text));
    }
    return problems.isEmpty()
        ? new Parsed(new IdsRequest(refs), List.of())
        : new Parsed(null, problems);
  }

  private static Parsed refused(String problem) {
    return new Parsed(null, List.of(problem));
  }
}
