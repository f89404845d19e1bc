package io.herald.objects.internal;

import io.herald.objects.api.ObjectFilter;
import io.herald.objects.api.ObjectFilter.All;
import io.herald.objects.api.ObjectFilter.Any;
import io.herald.objects.api.ObjectFilter.Condition;
import io.herald.objects.api.ObjectFilter.Not;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles an {@link ObjectFilter} into a SQL condition over {@code objects_object o}, using only
 * JSON functions MySQL 8 and MariaDB 10.6+ share ({@code JSON_EXTRACT}, {@code JSON_UNQUOTE}).
 * Values and paths are bound parameters ({@code ?N}), never spliced into the text.
 *
 * @param clause the condition, parenthesised
 * @param parameters the values of {@code ?first}, {@code ?first+1}, … in order
 */
record SearchSql(String clause, List<Object> parameters) {

  /** Compiles {@code filter}, numbering parameters from {@code first}. */
  static SearchSql compile(ObjectFilter filter, int first) {
    List<Object> parameters = new ArrayList<>();
    String clause = new Compiler(first, parameters).sql(filter);
    return new SearchSql(clause, parameters);
  }

  /** The JSON path of a top-level attribute, quoted so dots and spaces stay part of the name. */
  static String path(String field) {
    return "$.\"" + field.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static final class Compiler {
    private final int first;
    private final List<Object> parameters;

    Compiler(int first, List<Object> parameters) {
      this.first = first;
      this.parameters = parameters;
    }

    String sql(ObjectFilter filter) {
      if (filter instanceof All all) {
        return all.filters().stream().map(this::sql).collect(Collectors.joining(" AND ", "(", ")"));
      }
      if (filter instanceof Any any) {
        return any.filters().stream().map(this::sql).collect(Collectors.joining(" OR ", "(", ")"));
      }
      if (filter instanceof Not not) {
        // An eq on a missing attribute is NULL in SQL; "not" of it must be true.
        return "(NOT COALESCE(" + sql(not.filter()) + ", FALSE))";
      }
      Condition c = (Condition) filter;
      String path = bind(path(c.field()));
      return switch (c.operator()) {
        case EXISTS -> "(JSON_EXTRACT(o.attributes, " + path + ") IS NOT NULL)";
        case EQ ->
            // Byte-wise, so eq is case-sensitive whatever collation the server gives JSON text.
            "(CAST(JSON_UNQUOTE(JSON_EXTRACT(o.attributes, "
                + path
                + ")) AS BINARY) = CAST("
                + bind(c.value())
                + " AS BINARY))";
      };
    }

    private String bind(Object value) {
      parameters.add(value);
      return "?" + (first + parameters.size() - 1);
    }
  }
}
