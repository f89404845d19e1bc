package io.herald.segments.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with its bind parameters, in order. User values only ever travel as parameters:
 * the text holds column names, functions, constants and {@code ?} placeholders.
 *
 * @param sql the text
 * @param parameters the values of its placeholders: {@code Long}, {@code Integer}, {@code String},
 *     {@code java.math.BigDecimal} or {@code byte[]} (compared byte-wise)
 */
record SqlFragment(String sql, List<Object> parameters) {

  /** Copies the parameters. */
  SqlFragment {
    Objects.requireNonNull(sql, "sql");
    parameters = List.copyOf(parameters);
  }

  /** Builds a fragment piece by piece: text, and values each written as one {@code ?}. */
  static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends SQL text (never a user value). */
    Builder sql(String sql) {
      text.append(sql);
      return this;
    }

    /** Appends a placeholder bound to {@code value}. */
    Builder param(Object value) {
      text.append('?');
      parameters.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Appends another fragment, text and parameters. */
    Builder fragment(SqlFragment fragment) {
      text.append(fragment.sql());
      parameters.addAll(fragment.parameters());
      return this;
    }

    SqlFragment build() {
      return new SqlFragment(text.toString(), parameters);
    }
  }
}
