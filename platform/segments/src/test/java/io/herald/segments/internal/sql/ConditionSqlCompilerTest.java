package io.herald.segments.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.segments.api.condition.Window;
import io.herald.segments.api.condition.ZoneChoice;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The compiler without a database: what reaches the SQL text, and what only its parameters. */
class ConditionSqlCompilerTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Looks like SQL and JSON path syntax; must never appear in the statement text. */
  private static final String MARK = "MARK' OR \"1\"=\"1\" -- $.x[*] \\";

  private static SqlFragment compile(Condition condition, PersonZones zones) {
    return compile(condition, zones, Dialect.MARIADB);
  }

  private static SqlFragment compile(Condition condition, PersonZones zones, Dialect dialect) {
    return new ConditionSqlCompiler(NOW, PARIS, zones, dialect).compile(condition);
  }

  private static Match match(Operator operator, Operand operand) {
    return new Match(operator, operand, ZoneChoice.PERSON);
  }

  /** A tree using every operator on a user-named property, and every leaf with user values. */
  private static Condition everything() {
    List<Condition> leaves = new ArrayList<>();
    for (Operator operator : Operator.values()) {
      Operand operand =
          switch (operator) {
            case EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH, REGEX ->
                new Operand.Text(MARK);
            case EXISTS, NOT_EXISTS -> new Operand.None();
            case GREATER_THAN, LESS_THAN -> new Operand.Number(new BigDecimal("42"));
            case IN_LIST -> new Operand.TextList(List.of(MARK, MARK + "2"));
            case WITHIN_LAST_DAYS, WITHIN_NEXT_DAYS -> new Operand.Days(3);
            case BEFORE, AFTER -> new Operand.Day(LocalDate.parse("2026-11-29"));
          };
      leaves.add(new AttributeCondition(MARK, match(operator, operand)));
    }
    PropertyMatch filter =
        new PropertyMatch(MARK, Match.of(Operator.EQUALS, new Operand.Text(MARK)));
    leaves.add(
        new EventCondition(
            MARK,
            false,
            new Count(Count.Comparison.AT_LEAST, 3),
            new Window.Ever(),
            List.of(filter)));
    leaves.add(
        new EngagementCondition(
            EngagementCondition.Metric.CLICKED,
            MARK,
            null,
            Count.atLeastOnce(),
            new Window.Last(7, java.time.temporal.ChronoUnit.DAYS)));
    leaves.add(
        new EngagementCondition(
            EngagementCondition.Metric.OPENED,
            null,
            MARK,
            Count.atLeastOnce(),
            new Window.Between(NOW.minusSeconds(60), NOW)));
    leaves.add(new RelationshipCondition("1", List.of(filter), List.of(filter)));
    leaves.add(new SegmentCondition(7));
    leaves.add(new DeviceCondition(MARK, true));
    return new Not(new Any(List.of(new All(leaves))));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void userValuesReachTheDatabaseOnlyAsParameters(Dialect dialect) {
    SqlFragment sql =
        compile(everything(), PersonZones.of(List.of("America/New_York", "Asia/Kolkata")), dialect);

    assertThat(sql.sql()).doesNotContain("MARK");
    assertThat(sql.sql().chars().filter(c -> c == '?').count()).isEqualTo(sql.parameters().size());
    List<String> texts =
        sql.parameters().stream()
            .map(p -> p instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : p.toString())
            .toList();
    assertThat(texts).contains(MARK, MARK + "2", MatchSql.path(MARK));
  }

  @Test
  void onMariaDbEqualityWithTextsNoBooleanCouldHaveReadsJsonValue() {
    Condition plan =
        new AttributeCondition(
            "plan", match(Operator.IN_LIST, new Operand.TextList(List.of("pro", "x"))));
    assertThat(compile(plan, PersonZones.NONE).sql())
        .contains("JSON_VALUE(")
        .doesNotContain("JSON_EXTRACT(");
    assertThat(compile(plan, PersonZones.NONE, Dialect.PORTABLE).sql())
        .contains("JSON_UNQUOTE(JSON_EXTRACT(")
        .doesNotContain("JSON_VALUE(");
    for (String booleanText : List.of("true", "false", "1", "0", "null")) {
      Condition equals =
          new AttributeCondition("flag", match(Operator.EQUALS, new Operand.Text(booleanText)));
      assertThat(compile(equals, PersonZones.NONE).sql())
          .as("MariaDB's JSON_VALUE reads booleans as 1 and 0: %s", booleanText)
          .doesNotContain("JSON_VALUE(");
    }
  }

  @Test
  void propertyNamesBecomeQuotedJsonPaths() {
    assertThat(MatchSql.path("plan")).isEqualTo("$.\"plan\"");
    assertThat(MatchSql.path("a.b c")).isEqualTo("$.\"a.b c\"");
    assertThat(MatchSql.path("q\"k\\")).isEqualTo("$.\"q\\\"k\\\\\"");
  }

  @Test
  void aDayInThePersonsZoneIsACaseOverTheKnownZonesWhoseMidnightDiffers() {
    Condition before = new AttributeCondition("d", match(Operator.BEFORE, day("2026-11-29")));
    // Berlin's midnight is Paris's (the workspace's): only New York needs its own bound.
    SqlFragment sql =
        compile(before, PersonZones.of(List.of("Europe/Berlin", "America/New_York", "Mars/Base")));

    assertThat(sql.sql()).containsOnlyOnce(" WHEN ? THEN ?").contains(" ELSE ? END");
    assertThat(sql.parameters())
        .anySatisfy(
            p -> assertThat(p).isEqualTo("America/New_York".getBytes(StandardCharsets.UTF_8)))
        .contains(ZonedInstant.seconds(Instant.parse("2026-11-29T05:00:00Z")))
        .contains(ZonedInstant.seconds(Instant.parse("2026-11-28T23:00:00Z")));
  }

  @Test
  void withoutKnownZonesOrInTheWorkspaceZoneADayIsOneParameter() {
    Condition person = new AttributeCondition("d", match(Operator.BEFORE, day("2026-11-29")));
    Condition workspace = new AttributeCondition("d", Match.of(Operator.BEFORE, day("2026-11-29")));

    assertThat(compile(person, PersonZones.NONE).sql()).doesNotContain("CASE CAST");
    assertThat(compile(workspace, PersonZones.of(List.of("America/New_York"))).sql())
        .doesNotContain("CASE CAST");
  }

  @Test
  void onlyDaysReadInThePersonsZoneNeedTheirZones() {
    Operand moment = new Operand.Moment(NOW);
    assertThat(ConditionSqlCompiler.needsPersonZones(everything())).isTrue();
    assertThat(
            ConditionSqlCompiler.needsPersonZones(
                new AttributeCondition("d", match(Operator.BEFORE, moment))))
        .isFalse();
    assertThat(
            ConditionSqlCompiler.needsPersonZones(
                new AttributeCondition(
                    "d", Match.of(Operator.WITHIN_LAST_DAYS, new Operand.Days(1)))))
        .isFalse();
    assertThat(
            ConditionSqlCompiler.needsPersonZones(
                new RelationshipCondition(
                    "1",
                    List.of(),
                    List.of(
                        new PropertyMatch(
                            "d", match(Operator.WITHIN_NEXT_DAYS, new Operand.Days(0)))))))
        .isTrue();
  }

  @Test
  void countsUseExistsWhereTheyCan() {
    assertThat(compile(event(Count.Comparison.AT_LEAST, 0), PersonZones.NONE).sql())
        .isEqualTo("(TRUE)");
    assertThat(compile(event(Count.Comparison.AT_LEAST, 1), PersonZones.NONE).sql())
        .startsWith("(EXISTS (SELECT 1 FROM events_event e");
    assertThat(compile(event(Count.Comparison.AT_MOST, 0), PersonZones.NONE).sql())
        .startsWith("(NOT EXISTS (SELECT 1 FROM events_event e");
    assertThat(compile(event(Count.Comparison.EXACTLY, 0), PersonZones.NONE).sql())
        .startsWith("(NOT EXISTS (SELECT 1 FROM events_event e");
    assertThat(compile(event(Count.Comparison.EXACTLY, 2), PersonZones.NONE).sql())
        .startsWith("(((SELECT COUNT(*) FROM events_event e")
        .endsWith(") = ?))");
  }

  @Test
  void aRegexJavaCannotCompileIsFalseAndTypeIdsAreCanonicalNumbers() {
    assertThat(
            compile(
                    new AttributeCondition("a", Match.of(Operator.REGEX, new Operand.Text("("))),
                    PersonZones.NONE)
                .sql())
        .isEqualTo("FALSE");
    assertThat(
            compile(new RelationshipCondition("01", List.of(), List.of()), PersonZones.NONE).sql())
        .isEqualTo("FALSE");
    assertThat(compile(new RelationshipCondition("2", List.of(), List.of()), PersonZones.NONE))
        .extracting(SqlFragment::parameters)
        .isEqualTo(List.of(2));
  }

  @Test
  void personZonesAreTheIanaNamesJavaKnowsExactly() {
    assertThat(
            PersonZones.of(List.of("Europe/Paris", "europe/paris", "+02:00", " UTC", "UTC", "X"))
                .byName()
                .keySet())
        .isEqualTo(Set.of("Europe/Paris", "UTC"));
  }

  private static Operand day(String date) {
    return new Operand.Day(LocalDate.parse(date));
  }

  private static Condition event(Count.Comparison comparison, int times) {
    return new EventCondition(
        "e", true, new Count(comparison, times), new Window.Ever(), List.of());
  }
}
