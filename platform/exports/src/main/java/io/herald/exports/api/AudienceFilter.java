package io.herald.exports.api;

import io.herald.exports.api.InvalidExportException.Problem;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which people an export holds: Customer.io's audience filter. {@code and} / {@code or} (non-empty
 * arrays), {@code not} (one filter), {@code attribute} leaves with the operators {@code eq} (the
 * attribute's value, as text, equals the given value; for {@code email} ignoring case, as Herald
 * matches emails) and {@code exists}, and {@code segment} leaves (membership of a segment by id).
 * The identifiers {@code id}, {@code email} and {@code cio_id} are attributes like any other. Build
 * one with {@link #parse}.
 */
public sealed interface AudienceFilter {

  /** Deepest nesting of {@code and}/{@code or}/{@code not} accepted. */
  int MAX_DEPTH = 8;

  /** Most leaves (attribute and segment conditions) in one filter. */
  int MAX_CONDITIONS = 100;

  /** Every filter must match. */
  record All(List<AudienceFilter> filters) implements AudienceFilter {
    /** Copies the list. */
    public All {
      filters = List.copyOf(filters);
    }
  }

  /** At least one filter must match. */
  record Any(List<AudienceFilter> filters) implements AudienceFilter {
    /** Copies the list. */
    public Any {
      filters = List.copyOf(filters);
    }
  }

  /** The filter must not match. */
  record Not(AudienceFilter filter) implements AudienceFilter {}

  /**
   * One attribute condition.
   *
   * @param field the attribute name ({@code id}, {@code email} and {@code cio_id} included)
   * @param operator the comparison
   * @param value the text to compare with ({@code eq}); {@code null} for {@code exists}
   */
  record Attribute(String field, Operator operator, String value) implements AudienceFilter {}

  /**
   * Membership of a segment.
   *
   * @param segmentId the segment's id
   */
  record Segment(long segmentId) implements AudienceFilter {}

  /** The supported attribute operators. */
  enum Operator {
    /** The attribute exists and its value, as text, equals the given value. */
    EQ,
    /** The attribute exists. */
    EXISTS
  }

  /** The ids of every segment the filter mentions. */
  default Set<Long> segmentIds() {
    Set<Long> ids = new TreeSet<>();
    collectSegments(this, ids);
    return ids;
  }

  /** A readable form, for the export's description: {@code (plan eq "pro" and in segment 3)}. */
  default String describe() {
    if (this instanceof All all) {
      return all.filters().stream()
          .map(AudienceFilter::describe)
          .collect(Collectors.joining(" and ", "(", ")"));
    }
    if (this instanceof Any any) {
      return any.filters().stream()
          .map(AudienceFilter::describe)
          .collect(Collectors.joining(" or ", "(", ")"));
    }
    if (this instanceof Not not) {
      return "not " + not.filter().describe();
    }
    if (this instanceof Segment segment) {
      return "in segment " + segment.segmentId();
    }
    Attribute a = (Attribute) this;
    return a.operator() == Operator.EXISTS
        ? a.field() + " exists"
        : a.field() + " eq \"" + a.value() + "\"";
  }

  /** The Customer.io JSON form ({@link #parse} reads it back to an equal filter). */
  default JsonObject toJson() {
    if (this instanceof All all) {
      return group("and", all.filters());
    }
    if (this instanceof Any any) {
      return group("or", any.filters());
    }
    if (this instanceof Not not) {
      return Jsons.createObjectBuilder().add("not", not.filter().toJson()).build();
    }
    if (this instanceof Segment segment) {
      return Jsons.createObjectBuilder()
          .add("segment", Jsons.createObjectBuilder().add("id", segment.segmentId()))
          .build();
    }
    Attribute a = (Attribute) this;
    JsonObjectBuilder condition =
        Jsons.createObjectBuilder()
            .add("field", a.field())
            .add("operator", a.operator().name().toLowerCase(Locale.ROOT));
    if (a.value() != null) {
      condition.add("value", a.value());
    }
    return Jsons.createObjectBuilder().add("attribute", condition).build();
  }

  private static JsonObject group(String key, List<AudienceFilter> filters) {
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    filters.forEach(f -> items.add(f.toJson()));
    return Jsons.createObjectBuilder().add(key, items).build();
  }

  private static void collectSegments(AudienceFilter filter, Set<Long> ids) {
    if (filter instanceof All all) {
      all.filters().forEach(f -> collectSegments(f, ids));
    } else if (filter instanceof Any any) {
      any.filters().forEach(f -> collectSegments(f, ids));
    } else if (filter instanceof Not not) {
      collectSegments(not.filter(), ids);
    } else if (filter instanceof Segment segment) {
      ids.add(segment.segmentId());
    }
  }

  /**
   * Parses a Customer.io audience filter.
   *
   * @param filter the {@code filters} value
   * @param field its JSON path, for messages ({@code filters})
   * @throws InvalidExportException listing every problem, each with its field path
   */
  static AudienceFilter parse(JsonValue filter, String field) {
    List<Problem> problems = new ArrayList<>();
    int[] conditions = {0};
    AudienceFilter parsed = AudienceFilterParser.node(filter, field, 1, conditions, problems);
    if (conditions[0] > MAX_CONDITIONS) {
      problems.add(
          new Problem(
              field, "has " + conditions[0] + " conditions; the limit is " + MAX_CONDITIONS));
    }
    if (!problems.isEmpty()) {
      throw new InvalidExportException(problems);
    }
    return parsed;
  }
}
