package io.herald.segments.internal.sql;

import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.ZoneChoice;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles one {@link Match} on one top-level property of a JSON document column (a person's,
 * event's, object's or relationship's attributes) to a SQL condition that is TRUE or FALSE, never
 * NULL, with the value rules of {@link Operator}:
 *
 * <ul>
 *   <li>text: the value of a JSON string, or the JSON text of a number or boolean, compared byte by
 *       byte in UTF-8 ({@code CAST(… AS BINARY)}), so case, accents and trailing spaces all count
 *       whatever collation the server gives JSON text; regular expressions run on the text with
 *       {@code utf8mb4_bin} (case sensitive on MariaDB's PCRE and MySQL's ICU alike);
 *   <li>numbers: a JSON number, or a string matching {@code ^-?[0-9]+([.][0-9]+)?$}, as {@code
 *       DECIMAL(65,30)};
 *   <li>dates: Unix seconds, a JSON number or a string of digits, as {@code DECIMAL(65,30)},
 *       compared with bounds computed in Java ({@link ZonedInstant}); a bound read in the person's
 *       zone is a {@code CASE} over the person's {@code timezone} text with one bound per zone in
 *       {@link PersonZones} that differs from the workspace's, the workspace's bound otherwise.
 * </ul>
 *
 * The property name reaches SQL only as a bound JSON path ({@code $."name"}, quotes and backslashes
 * escaped); every operand is a bound parameter.
 */
final class MatchSql {

  /** JSON_TYPE names (MariaDB's and MySQL's) of the values that have a text. */
  private static final String TEXT_TYPES =
      "('STRING','INTEGER','UNSIGNED INTEGER','DOUBLE','DECIMAL','BOOLEAN')";

  /** JSON_TYPE names of numbers. */
  private static final String NUMBER_TYPES = "('INTEGER','UNSIGNED INTEGER','DOUBLE','DECIMAL')";

  /** A string holding a decimal number ({@code \z}: PCRE's and ICU's {@code $} allow a newline). */
  static final String DECIMAL_TEXT = "^-?[0-9]+([.][0-9]+)?\\z";

  /** A string holding Unix seconds. */
  static final String DIGITS_TEXT = "^[0-9]+\\z";

  /** The person's time zone attribute, as bytes (compared with the names in PersonZones). */
  private static final String PERSON_ZONE = "CAST(" + PersonZones.TEXT_SQL + " AS BINARY)";

  /**
   * Operands the text of a boolean, null, object or array could equal on some server: {@code
   * JSON_UNQUOTE} gives {@code true}, {@code null}, {@code {…}}; MariaDB's {@code JSON_VALUE} gives
   * {@code 1} and {@code 0} for booleans.
   */
  private static final Set<String> NOT_PLAIN = Set.of("null", "true", "false", "1", "0");

  private final Instant now;
  private final ZoneId workspaceZone;
  private final PersonZones personZones;
  private final Dialect dialect;

  /**
   * @param now the evaluation instant
   * @param workspaceZone the workspace's zone
   * @param personZones the valid zones people of the evaluated rows name
   * @param dialect the server's dialect
   */
  MatchSql(Instant now, ZoneId workspaceZone, PersonZones personZones, Dialect dialect) {
    this.now = Objects.requireNonNull(now, "now");
    this.workspaceZone = Objects.requireNonNull(workspaceZone, "workspaceZone");
    this.personZones = Objects.requireNonNull(personZones, "personZones");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * Appends the condition that {@code property} of the JSON document in column {@code document} (an
   * SQL column reference such as {@code e.data}) satisfies {@code match}.
   */
  void append(SqlFragment.Builder sql, String document, String property, Match match) {
    Value value = new Value(document, path(property));
    Operand operand = match.operand();
    switch (match.operator()) {
      case EQUALS ->
          textIs(sql, value, List.of(textOf(operand)), text -> equalsText(sql, text, operand));
      case NOT_EQUALS -> {
        sql.sql("(NOT ");
        textIs(sql, value, List.of(textOf(operand)), text -> equalsText(sql, text, operand));
        sql.sql(")");
      }
      case EXISTS -> present(sql, value);
      case NOT_EXISTS -> {
        sql.sql("(NOT ");
        present(sql, value);
        sql.sql(")");
      }
      case CONTAINS -> text(sql, value, () -> locate(sql, value, operand, " > 0"));
      case STARTS_WITH -> text(sql, value, () -> locate(sql, value, operand, " = 1"));
      case ENDS_WITH ->
          text(
              sql,
              value,
              () -> {
                sql.sql("RIGHT(");
                textBytes(sql, value);
                sql.sql(", LENGTH(").param(bytes(operand)).sql(")) = ").param(bytes(operand));
              });
      case IN_LIST -> inList(sql, value, ((Operand.TextList) operand).values());
      case REGEX -> regex(sql, value, ((Operand.Text) operand).value());
      case GREATER_THAN -> number(sql, value, " > ", ((Operand.Number) operand).value());
      case LESS_THAN -> number(sql, value, " < ", ((Operand.Number) operand).value());
      case BEFORE -> date(sql, value, " < ", dayOrMoment(operand, 0), match.zone());
      case AFTER -> date(sql, value, " >= ", dayOrMoment(operand, 1), match.zone());
      case WITHIN_LAST_DAYS -> {
        int days = ((Operand.Days) operand).days();
        sql.sql("COALESCE(");
        seconds(sql, value);
        sql.sql(" BETWEEN ");
        bound(sql, ZonedInstant.startOfToday(now, -(long) days), match.zone());
        sql.sql(" AND ");
        bound(sql, ZonedInstant.fixed(now), match.zone());
        sql.sql(", FALSE)");
      }
      case WITHIN_NEXT_DAYS -> {
        int days = ((Operand.Days) operand).days();
        sql.sql("COALESCE(");
        seconds(sql, value);
        sql.sql(" >= ");
        bound(sql, ZonedInstant.fixed(now), match.zone());
        sql.sql(" AND ");
        seconds(sql, value);
        sql.sql(" < ");
        bound(sql, ZonedInstant.startOfToday(now, days + 1L), match.zone());
        sql.sql(", FALSE)");
      }
    }
  }

  /**
   * Appends {@code property} of {@code document} as Unix seconds ({@code DECIMAL}) when it holds a
   * date the way {@link Operator} reads them (a JSON number or a string of digits), NULL otherwise.
   */
  static void appendSeconds(SqlFragment.Builder sql, String document, String property) {
    seconds(sql, new Value(document, path(property)));
  }

  /** {@code $."name"}: the JSON path of a top-level property, whatever characters it holds. */
  static String path(String property) {
    return "$.\"" + property.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The JSON value of the property: each use is its own JSON_EXTRACT with its own parameter. */
  private record Value(String document, String path) {}

  private static void extract(SqlFragment.Builder sql, Value value) {
    sql.sql("JSON_EXTRACT(").sql(value.document()).sql(", ").param(value.path()).sql(")");
  }

  private static void type(SqlFragment.Builder sql, Value value) {
    sql.sql("JSON_TYPE(");
    extract(sql, value);
    sql.sql(")");
  }

  private static void unquoted(SqlFragment.Builder sql, Value value) {
    sql.sql("JSON_UNQUOTE(");
    extract(sql, value);
    sql.sql(")");
  }

  private static void textBytes(SqlFragment.Builder sql, Value value) {
    sql.sql("CAST(");
    unquoted(sql, value);
    sql.sql(" AS BINARY)");
  }

  /** The text as characters compared case-sensitively (for REGEXP). */
  private static void textChars(SqlFragment.Builder sql, Value value) {
    sql.sql("CONVERT(");
    unquoted(sql, value);
    sql.sql(" USING utf8mb4) COLLATE utf8mb4_bin");
  }

  /** Present and not JSON null. */
  private static void present(SqlFragment.Builder sql, Value value) {
    sql.sql("COALESCE(");
    type(sql, value);
    sql.sql(" <> 'NULL', FALSE)");
  }

  /** The value has a text and {@code comparison} holds for it. */
  private static void text(SqlFragment.Builder sql, Value value, Runnable comparison) {
    sql.sql("COALESCE(");
    type(sql, value);
    sql.sql(" IN " + TEXT_TYPES + " AND ");
    comparison.run();
    sql.sql(", FALSE)");
  }

  /**
   * {@link #text} for a comparison that holds only when the text equals one of {@code operands};
   * {@code comparison} appends it around the text it is given (a {@code Runnable} that appends the
   * text as bytes). The check that the value has a text is left out when no operand could be the
   * text of a value without one (JSON null is {@code null}, objects and arrays start with a brace
   * or a bracket): one JSON_EXTRACT per row instead of two, the same result. When, moreover, no
   * operand could be a boolean's text on either reading ({@link #NOT_PLAIN}), MariaDB reads the
   * text with {@code JSON_VALUE} ({@link Dialect#MARIADB}): the same text for strings and numbers,
   * and for other values one no such operand equals.
   */
  private void textIs(
      SqlFragment.Builder sql, Value value, List<String> operands, Consumer<Runnable> comparison) {
    boolean plain =
        operands.stream()
            .noneMatch(t -> t.equals("null") || t.startsWith("{") || t.startsWith("["));
    if (!plain) {
      text(sql, value, () -> comparison.accept(() -> textBytes(sql, value)));
      return;
    }
    boolean scalar = dialect.jsonValueText() && operands.stream().noneMatch(NOT_PLAIN::contains);
    sql.sql("COALESCE(");
    comparison.accept(scalar ? () -> scalarBytes(sql, value) : () -> textBytes(sql, value));
    sql.sql(", FALSE)");
  }

  /** MariaDB's JSON_VALUE of the property, as bytes (see {@link #textIs}). */
  private static void scalarBytes(SqlFragment.Builder sql, Value value) {
    sql.sql("CAST(JSON_VALUE(").sql(value.document()).sql(", ").param(value.path());
    sql.sql(") AS BINARY)");
  }

  private static String textOf(Operand operand) {
    return ((Operand.Text) operand).value();
  }

  /** Where the operand's bytes first occur in the text's: 1 = at the start, 0 = nowhere. */
  private static void locate(
      SqlFragment.Builder sql, Value value, Operand operand, String comparison) {
    sql.sql("LOCATE(").param(bytes(operand)).sql(", ");
    textBytes(sql, value);
    sql.sql(")").sql(comparison);
  }

  private static void equalsText(SqlFragment.Builder sql, Runnable text, Operand operand) {
    text.run();
    sql.sql(" = ").param(bytes(operand));
  }

  private void inList(SqlFragment.Builder sql, Value value, List<String> values) {
    if (values.isEmpty()) {
      sql.sql("FALSE");
      return;
    }
    textIs(
        sql,
        value,
        values,
        text -> {
          text.run();
          sql.sql(" IN (");
          for (int i = 0; i < values.size(); i++) {
            sql.sql(i == 0 ? "" : ", ").param(values.get(i).getBytes(StandardCharsets.UTF_8));
          }
          sql.sql(")");
        });
  }

  /**
   * Find, not full match. A pattern Java cannot compile matches nothing (validation rejects such
   * trees; the in-memory evaluator agrees). Patterns are handed to the server's engine (PCRE on
   * MariaDB, ICU on MySQL): the syntax they share with java.util.regex behaves the same.
   */
  private static void regex(SqlFragment.Builder sql, Value value, String pattern) {
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException invalid) {
      sql.sql("FALSE");
      return;
    }
    text(
        sql,
        value,
        () -> {
          textChars(sql, value);
          sql.sql(" REGEXP ").param(pattern);
        });
  }

  private static void number(
      SqlFragment.Builder sql, Value value, String comparison, BigDecimal operand) {
    sql.sql("COALESCE(");
    decimal(sql, value, DECIMAL_TEXT);
    sql.sql(comparison).param(operand);
    sql.sql(", FALSE)");
  }

  private void date(
      SqlFragment.Builder sql,
      Value value,
      String comparison,
      ZonedInstant bound,
      ZoneChoice zone) {
    sql.sql("COALESCE(");
    seconds(sql, value);
    sql.sql(comparison);
    bound(sql, bound, zone);
    sql.sql(", FALSE)");
  }

  /** Unix seconds of a date value, NULL for values that are not dates. */
  private static void seconds(SqlFragment.Builder sql, Value value) {
    decimal(sql, value, DIGITS_TEXT);
  }

  /**
   * The value as a decimal when it is a JSON number or a string matching {@code stringPattern};
   * NULL otherwise.
   */
  private static void decimal(SqlFragment.Builder sql, Value value, String stringPattern) {
    sql.sql("(CASE WHEN ");
    type(sql, value);
    sql.sql(" IN " + NUMBER_TYPES + " OR (");
    type(sql, value);
    sql.sql(" = 'STRING' AND ");
    textChars(sql, value);
    sql.sql(" REGEXP ").param(stringPattern);
    sql.sql(") THEN CAST(");
    unquoted(sql, value);
    sql.sql(" AS DECIMAL(65,30)) END)");
  }

  /** The bound of BEFORE ({@code plusDays} 0) or AFTER ({@code plusDays} 1). */
  private static ZonedInstant dayOrMoment(Operand operand, int plusDays) {
    if (operand instanceof Operand.Moment moment) {
      return ZonedInstant.fixed(moment.instant());
    }
    return ZonedInstant.startOf(((Operand.Day) operand).date(), plusDays);
  }

  /**
   * Appends {@code instant} as Unix seconds: one parameter when it does not depend on the zone or
   * is read in the workspace's zone; for the person's zone, a CASE over the person's {@code
   * timezone} text with a WHEN for each known zone whose instant differs from the workspace's.
   */
  private void bound(SqlFragment.Builder sql, ZonedInstant instant, ZoneChoice zone) {
    BigDecimal workspace = ZonedInstant.seconds(instant.in(workspaceZone));
    if (!instant.zoned() || zone == ZoneChoice.WORKSPACE) {
      sql.param(workspace);
      return;
    }
    List<Map.Entry<String, BigDecimal>> differing = new ArrayList<>();
    personZones
        .byName()
        .forEach(
            (name, personZone) -> {
              BigDecimal bound = ZonedInstant.seconds(instant.in(personZone));
              if (bound.compareTo(workspace) != 0) {
                differing.add(Map.entry(name, bound));
              }
            });
    if (differing.isEmpty()) {
      sql.param(workspace);
      return;
    }
    sql.sql("(CASE " + PERSON_ZONE);
    for (Map.Entry<String, BigDecimal> entry : differing) {
      sql.sql(" WHEN ")
          .param(entry.getKey().getBytes(StandardCharsets.UTF_8))
          .sql(" THEN ")
          .param(entry.getValue());
    }
    sql.sql(" ELSE ").param(workspace).sql(" END)");
  }

  private static byte[] bytes(Operand operand) {
    return ((Operand.Text) operand).value().getBytes(StandardCharsets.UTF_8);
  }
}
