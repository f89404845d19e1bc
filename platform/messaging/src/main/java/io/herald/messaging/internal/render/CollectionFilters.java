package io.herald.messaging.internal.render;

import static io.herald.messaging.internal.render.Values.list;
import static io.herald.messaging.internal.render.Values.number;
import static io.herald.messaging.internal.render.Values.property;
import static io.herald.messaging.internal.render.Values.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import liqp.filters.Filter;

/** Customer.io's array and JSON filters that standard Liquid lacks. */
final class CollectionFilters {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private CollectionFilters() {}

  static List<Filter> all() {
    return List.of(
        new FunctionFilter("limit", 1, 1, CollectionFilters::limit),
        new FunctionFilter(
            "where_not",
            2,
            2,
            (v, p) ->
                list(v).stream()
                    .filter(item -> !text(p[1]).equals(text(property(item, text(p[0])))))
                    .toList()),
        new FunctionFilter(
            "find",
            2,
            2,
            (v, p) ->
                list(v).stream()
                    .filter(item -> text(p[1]).equals(text(property(item, text(p[0])))))
                    .findFirst()
                    .orElse(null)),
        new FunctionFilter("sum", 0, 1, CollectionFilters::sum),
        new FunctionFilter("json", 0, 1, CollectionFilters::toJson),
        new FunctionFilter("to_json", 0, 1, CollectionFilters::toJson),
        new FunctionFilter("from_json", 0, 0, CollectionFilters::fromJson));
  }

  private static Object limit(Object value, Object[] params) {
    List<Object> items = list(value);
    int count = number("limit", params[0]).intValue();
    return items.subList(0, Math.max(0, Math.min(count, items.size())));
  }

  private static Object sum(Object value, Object[] params) {
    BigDecimal total = BigDecimal.ZERO;
    for (Object item : list(value)) {
      Object element = params.length == 0 ? item : property(item, text(params[0]));
      if (element != null && !text(element).isBlank()) {
        total = total.add(number("sum", element));
      }
    }
    return Values.simplest(total);
  }

  private static Object toJson(Object value, Object[] params) {
    try {
      int indent = params.length == 0 ? 0 : number("json", params[0]).intValue();
      String compact = JSON.writeValueAsString(value);
      if (indent <= 0) {
        return compact;
      }
      String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
      return indent == 2 ? pretty : reindent(pretty, indent);
    } catch (JsonProcessingException e) {
      throw RenderFailure.filter("json", "value cannot be written as JSON");
    }
  }

  private static String reindent(String pretty, int indent) {
    StringBuilder out = new StringBuilder();
    for (String line : pretty.split("\n", -1)) {
      int spaces = 0;
      while (spaces < line.length() && line.charAt(spaces) == ' ') {
        spaces++;
      }
      out.append(" ".repeat(spaces / 2 * indent)).append(line.substring(spaces)).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private static Object fromJson(Object value, Object[] params) {
    try {
      return JSON.readValue(Objects.toString(value, "null"), Object.class);
    } catch (JsonProcessingException e) {
      throw RenderFailure.filter("from_json", "input is not valid JSON");
    }
  }
}
