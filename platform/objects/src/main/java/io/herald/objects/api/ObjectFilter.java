package io.herald.objects.api;

import io.herald.objects.api.InvalidObjectDataException.Problem;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter over the attributes of objects of one type, as Customer.io's {@code POST /v1/objects}
 * takes it: {@code and} / {@code or} (non-empty arrays), {@code not} (one filter) and {@code
 * object_attribute} leaves with the operators {@code eq} (the attribute's text equals the value,
 * case-sensitively) and {@code exists}. Build one with {@link #parse}.
 */
public sealed interface ObjectFilter {

  /** Deepest nesting of {@code and}/{@code or}/{@code not} accepted. */
  int MAX_DEPTH = 8;

  /** Most conditions in one filter. */
  int MAX_CONDITIONS = 100;

  /** Every filter must match. */
  record All(List<ObjectFilter> filters) implements ObjectFilter {
    /** Copies the list. */
    public All {
      filters = List.copyOf(filters);
    }
  }

  /** At least one filter must match. */
  record Any(List<ObjectFilter> filters) implements ObjectFilter {
    /** Copies the list. */
    public Any {
      filters = List.copyOf(filters);
    }
  }

  /** The filter must not match. */
  record Not(ObjectFilter filter) implements ObjectFilter {}

  /**
   * One attribute condition.
   *
   * @param field the attribute name
   * @param operator the comparison
   * @param value the text to compare with ({@code eq}); {@code null} for {@code exists}
   */
  record Condition(String field, Operator operator, String value) implements ObjectFilter {}

  /** The supported operators. */
  enum Operator {
    /** The attribute exists and its value, as text, equals the given value. */
    EQ,
    /** The attribute exists. */
    EXISTS
  }

  /**
   * Parses a Customer.io object filter. {@code object_attribute.type_id}, when given, must equal
   * {@code typeId}; {@code attribute} is accepted as a synonym of {@code object_attribute} (the
   * customerio-node examples use it).
   *
   * @param filter the {@code filter} value
   * @param field its JSON path, for messages ({@code filter})
   * @param typeId the object type searched
   * @throws InvalidObjectDataException listing every problem, each with its field path
   */
  static ObjectFilter parse(JsonValue filter, String field, String typeId) {
    List<Problem> problems = new ArrayList<>();
    int[] conditions = {0};
    ObjectFilter parsed = ObjectFilterParser.node(filter, field, typeId, 1, conditions, problems);
    if (conditions[0] > MAX_CONDITIONS) {
      problems.add(
          new Problem(
              field, "has " + conditions[0] + " conditions; the limit is " + MAX_CONDITIONS));
    }
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
    return parsed;
  }
}
