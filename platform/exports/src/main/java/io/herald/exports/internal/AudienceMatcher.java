package io.herald.exports.internal;

import io.herald.exports.api.AudienceFilter;
import io.herald.exports.api.AudienceFilter.All;
import io.herald.exports.api.AudienceFilter.Any;
import io.herald.exports.api.AudienceFilter.Attribute;
import io.herald.exports.api.AudienceFilter.Not;
import io.herald.exports.api.AudienceFilter.Operator;
import io.herald.exports.api.AudienceFilter.Segment;
import io.herald.people.api.PersonView;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a person matches an {@link AudienceFilter}, given the segment members among the
 * page the person is on (looked up once per page and segment by the job).
 */
final class AudienceMatcher {

  private AudienceMatcher() {}

  /**
   * Whether {@code person} matches.
   *
   * @param members for each segment the filter names, which people of the current page are in it
   */
  static boolean matches(AudienceFilter filter, PersonView person, Map<Long, Set<String>> members) {
    if (filter instanceof All all) {
      return all.filters().stream().allMatch(f -> matches(f, person, members));
    }
    if (filter instanceof Any any) {
      return any.filters().stream().anyMatch(f -> matches(f, person, members));
    }
    if (filter instanceof Not not) {
      return !matches(not.filter(), person, members);
    }
    if (filter instanceof Segment segment) {
      return members.getOrDefault(segment.segmentId(), Set.of()).contains(person.cioId());
    }
    Attribute condition = (Attribute) filter;
    String actual = text(condition.field(), person);
    if (condition.operator() == Operator.EXISTS) {
      return actual != null;
    }
    if (actual == null) {
      return false;
    }
    if (condition.field().equals("email")) {
      // Herald matches emails ignoring case, as it stores and looks them up.
      return actual.toLowerCase(Locale.ROOT).equals(condition.value().toLowerCase(Locale.ROOT));
    }
    return actual.equals(condition.value());
  }

  /** The attribute's value as text (strings as they are, other values as JSON); null if absent. */
  private static String text(String field, PersonView person) {
    switch (field) {
      case "cio_id":
        return person.cioId();
      case "id":
        return person.id();
      case "email":
        return person.email();
      default:
        JsonValue value = person.attributes().get(field);
        if (value == null || value == JsonValue.NULL) {
          return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
  }
}
