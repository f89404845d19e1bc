package io.herald.exports.rest;

import io.herald.exports.api.AudienceFilter;
import io.herald.exports.api.InvalidExportException;
import io.herald.exports.api.InvalidExportException.Problem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /v1/exports/customers}: {@code {"filters":{…},"attributes":["…"]}} —
 * {@code filters} required (an audience filter), {@code attributes} optional (the attribute columns
 * wanted). Other keys are refused, so a misspelt key is not silently ignored.
 *
 * @param filter the parsed filter
 * @param attributes the columns asked for, if any
 */
record CustomerExportRequest(AudienceFilter filter, Optional<List<String>> attributes) {

  /**
   * Reads a request body.
   *
   * @throws InvalidExportException naming every problem
   */
  static CustomerExportRequest parse(JsonObject body) {
    List<Problem> problems = new ArrayList<>();
    for (String key : body.keySet()) {
      if (!key.equals("filters") && !key.equals("attributes")) {
        problems.add(new Problem(key, "is not known; use filters and attributes"));
      }
    }
    AudienceFilter filter = null;
    JsonValue filters = body.get("filters");
    if (filters == null) {
      problems.add(new Problem("filters", "is required"));
    } else {
      try {
        filter = AudienceFilter.parse(filters, "filters");
      } catch (InvalidExportException e) {
        problems.addAll(e.problems());
      }
    }
    Optional<List<String>> attributes = Optional.empty();
    JsonValue given = body.get("attributes");
    if (given != null && given != JsonValue.NULL) {
      if (given instanceof JsonArray array) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
          if (array.get(i) instanceof JsonString s) {
            names.add(s.getString());
          } else {
            problems.add(new Problem("attributes[" + i + "]", "must be a string"));
          }
        }
        attributes = Optional.of(names);
      } else {
        problems.add(new Problem("attributes", "must be an array of attribute names"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidExportException(problems);
    }
    return new CustomerExportRequest(filter, attributes);
  }
}
