package io.herald.segments.internal.sql;

import static io.herald.segments.internal.sql.AgreementCases.DATE_OFFSETS;
import static io.herald.segments.internal.sql.AgreementCases.KEYS;
import static io.herald.segments.internal.sql.AgreementCases.SEGMENT_IDS;
import static io.herald.segments.internal.sql.AgreementCases.TEXTS;
import static io.herald.segments.internal.sql.AgreementCases.ZONES;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EngagementCondition.Metric;
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
import io.herald.segments.internal.sql.AgreementCases.Domain;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random condition trees for the agreement test over one {@link Domain}: every leaf type, every
 * operator equally often with operands drawn from the domain (its texts, fragments of them, its
 * dates and local days), nested in AND / OR / NOT groups.
 */
final class AgreementConditions {

  /** Operands that are parts of the texts (at their start, end or middle) or miss them by case. */
  private static final List<String> FRAGMENTS =
      List.of("pro ", "o", "ro", "p", "P", "s", "5", "/", "é", "e", "ic", "\"", "-", "PRO");

  private final Domain d;
  private final Arbitrary<PropertyMatch> filter;
  private final Arbitrary<Condition> leaf;

  AgreementConditions(Domain d) {
    this.d = d;
    this.filter = buildFilter();
    this.leaf = buildLeaf();
  }

  /** A single leaf of any kind. */
  Arbitrary<Condition> leaf() {
    return leaf;
  }

  /** A tree at most {@code depth} deep. */
  Arbitrary<Condition> tree(int depth) {
    if (depth <= 1) {
      return leaf;
    }
    Arbitrary<Condition> child = tree(depth - 1);
    Arbitrary<Condition> group =
        Arbitraries.oneOf(
            child.list().ofMaxSize(3).map(All::new),
            child.list().ofMaxSize(3).map(Any::new),
            child.map(Not::new));
    return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, group));
  }

  private Arbitrary<Condition> buildLeaf() {
    Arbitrary<Condition> attribute =
        filter.map(f -> new AttributeCondition(f.property(), f.match()));
    Arbitrary<Condition> event =
        Combinators.combine(
                Arbitraries.of("login", "purchase", "Login", "logout"),
                Arbitraries.of(true, false),
                count(),
                window(),
                filter.list().ofMaxSize(2))
            .as(EventCondition::new);
    Arbitrary<Condition> engagement =
        Combinators.combine(
                Arbitraries.of(Metric.class), Arbitraries.of("m1", "c1", "none"), count(), window())
            .as(
                (metric, scope, count, window) ->
                    new EngagementCondition(
                        metric,
                        scope.equals("m1") ? "m1" : null,
                        scope.equals("c1") ? "c1" : null,
                        count,
                        window));
    Arbitrary<Condition> relationship =
        Combinators.combine(
                Arbitraries.of("1", "2", "3", "01"),
                filter.list().ofMaxSize(1),
                filter.list().ofMaxSize(1))
            .as(RelationshipCondition::new);
    Arbitrary<Condition> segment = Arbitraries.of(SEGMENT_IDS).map(SegmentCondition::new);
    Arbitrary<Condition> device =
        Combinators.combine(
                Arbitraries.of("ios", "android", "IOS").injectNull(0.4),
                Arbitraries.of(true, false).injectNull(0.4))
            .as(DeviceCondition::new);
    return Arbitraries.frequencyOf(
        Tuple.of(6, attribute),
        Tuple.of(4, event),
        Tuple.of(2, engagement),
        Tuple.of(2, relationship),
        Tuple.of(1, segment),
        Tuple.of(1, device));
  }

  private static Arbitrary<Count> count() {
    return Combinators.combine(
            Arbitraries.of(Count.Comparison.class), Arbitraries.integers().between(0, 3))
        .as(Count::new);
  }

  private Arbitrary<Window> window() {
    Instant now = d.now();
    return Arbitraries.oneOf(
        Arbitraries.just(new Window.Ever()),
        Arbitraries.of(
            new Window.Last(1, ChronoUnit.MINUTES),
            new Window.Last(1, ChronoUnit.HOURS),
            new Window.Last(24, ChronoUnit.HOURS),
            new Window.Last(1, ChronoUnit.DAYS),
            new Window.Last(7, ChronoUnit.DAYS)),
        Arbitraries.of(
            new Window.Between(now.minus(Duration.ofDays(7)), now),
            new Window.Between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))),
            new Window.Between(now.minus(Duration.ofDays(1)).plusMillis(1), now.plusMillis(1))));
  }

  /**
   * A comparison of a key: every operator equally often, with an operand of its type, usually on
   * the key whose values suit it ({@code a} for text, {@code b} for numbers and dates).
   */
  private Arbitrary<PropertyMatch> buildFilter() {
    Map<Operator, Arbitrary<Operand>> operands = operands();
    List<Arbitrary<PropertyMatch>> byOperator = new ArrayList<>();
    for (Operator operator : Operator.values()) {
      String suited =
          operator.isDate() || operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN
              ? "b"
              : "a";
      Arbitrary<String> key =
          Arbitraries.frequencyOf(
              Tuple.of(4, Arbitraries.just(suited)), Tuple.of(2, Arbitraries.of(KEYS)));
      byOperator.add(
          Combinators.combine(key, operands.get(operator), Arbitraries.of(ZoneChoice.class))
              .as((k, value, zone) -> new PropertyMatch(k, new Match(operator, value, zone))));
    }
    return Arbitraries.oneOf(byOperator);
  }

  /** A date comparison of {@code b} (mostly dates) in the person's zone. */
  Arbitrary<Condition> zonedDateLeaf() {
    Map<Operator, Arbitrary<Operand>> operands = operands();
    List<Arbitrary<Condition>> dates = new ArrayList<>();
    for (Operator operator : Operator.values()) {
      if (operator.isDate()) {
        dates.add(
            operands
                .get(operator)
                .map(
                    value ->
                        new AttributeCondition(
                            "b", new Match(operator, value, ZoneChoice.PERSON))));
      }
    }
    return Arbitraries.oneOf(dates);
  }

  /** Operands of each operator's type, over the domain. */
  private Map<Operator, Arbitrary<Operand>> operands() {
    Arbitrary<Operand> texts =
        Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(d.texts())),
                Tuple.of(1, Arbitraries.of(TEXTS)),
                Tuple.of(2, Arbitraries.of(FRAGMENTS)))
            .map(Operand.Text::new);
    Arbitrary<Operand> regexes =
        Arbitraries.of("^p", "o$", "[0-9]", "e", "(", "^$", "P.o", "\\d", "^[a-z]+$", "/", "r|4")
            .map(Operand.Text::new);
    Arbitrary<Operand> numbers =
        Arbitraries.of("-3", "0", "4.5", "42", "100", "1764417600")
            .map(n -> new Operand.Number(new BigDecimal(n)));
    Arbitrary<Operand> lists =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(d.texts())), Tuple.of(1, Arbitraries.of(TEXTS)))
            .list()
            .ofMaxSize(3)
            .map(Operand.TextList::new);
    Arbitrary<Operand> days =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.of(2, 7)))
            .map(Operand.Days::new);
    Arbitrary<Operand> dayOrMoment =
        Arbitraries.oneOf(
            Arbitraries.of(d.dates()).map(s -> new Operand.Moment(Instant.ofEpochSecond(s))),
            Arbitraries.of(DATE_OFFSETS).map(s -> new Operand.Moment(d.now().plusSeconds(s))),
            Combinators.combine(Arbitraries.of(ZONES), Arbitraries.integers().between(-1, 1))
                .as(
                    (zone, shift) ->
                        new Operand.Day(
                            LocalDate.ofInstant(d.now(), ZoneId.of(zone)).plusDays(shift))));
    Map<Operator, Arbitrary<Operand>> operands = new EnumMap<>(Operator.class);
    for (Operator operator : Operator.values()) {
      operands.put(
          operator,
          switch (operator) {
            case EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH -> texts;
            case REGEX -> regexes;
            case EXISTS, NOT_EXISTS -> Arbitraries.just(new Operand.None());
            case GREATER_THAN, LESS_THAN -> numbers;
            case IN_LIST -> lists;
            case WITHIN_LAST_DAYS, WITHIN_NEXT_DAYS -> days;
            case BEFORE, AFTER -> dayOrMoment;
          });
    }
    return operands;
  }
}
