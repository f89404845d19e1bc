package io.herald.segments.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every non-date operator on a person attribute, with Operator's value rules: text of numbers and
 * booleans, numeric strings, JSON null as missing, objects and arrays without text.
 */
class AttributeOperatorsTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  /** Marks a test case whose attribute is absent. */
  private static final String MISSING = null;

  private final PersonEvaluator evaluator = new DefaultPersonEvaluator();

  @ParameterizedTest(name = "[{index}] {0} {1} {2} -> {3}")
  @MethodSource("cases")
  void matchesPerOperatorRules(
      String valueJson, Operator operator, Operand operand, boolean expected) {
    Facts person = Facts.person();
    if (valueJson != null) {
      person.attributes("{'other':1,'a':" + valueJson + "}");
    } else {
      person.attributes("{'other':1}");
    }
    Evaluation result =
        evaluator.evaluate(
            new AttributeCondition("a", Match.of(operator, operand)), person.build(), NOW, ZONE);
    assertThat(result.matches()).isEqualTo(expected);
    assertThat(result.recheckAt()).as("no time dependence").isEmpty();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
            equalsCases(), existsCases(), textCases(), inListCases(), regexCases(), numberCases())
        .flatMap(s -> s);
  }

  private static Stream<Arguments> equalsCases() {
    return Stream.of(
        arguments("'pro'", Operator.EQUALS, text("pro"), true),
        arguments("'Pro'", Operator.EQUALS, text("pro"), false),
        arguments("'pro '", Operator.EQUALS, text("pro"), false),
        arguments("''", Operator.EQUALS, text(""), true),
        arguments(MISSING, Operator.EQUALS, text("pro"), false),
        arguments("null", Operator.EQUALS, text("null"), false),
        arguments("42", Operator.EQUALS, text("42"), true),
        arguments("'42'", Operator.EQUALS, text("42"), true),
        arguments("4.50", Operator.EQUALS, text("4.50"), true),
        arguments("4.50", Operator.EQUALS, text("4.5"), false),
        arguments("-7", Operator.EQUALS, text("-7"), true),
        arguments("true", Operator.EQUALS, text("true"), true),
        arguments("false", Operator.EQUALS, text("false"), true),
        arguments("false", Operator.EQUALS, text("true"), false),
        arguments("['pro']", Operator.EQUALS, text("pro"), false),
        arguments("['pro']", Operator.EQUALS, text("[\"pro\"]"), false),
        arguments("{'x':1}", Operator.EQUALS, text("{\"x\":1}"), false),
        arguments("'pro'", Operator.NOT_EQUALS, text("pro"), false),
        arguments("'basic'", Operator.NOT_EQUALS, text("pro"), true),
        arguments("'PRO'", Operator.NOT_EQUALS, text("pro"), true),
        arguments(MISSING, Operator.NOT_EQUALS, text("pro"), true),
        arguments("null", Operator.NOT_EQUALS, text("pro"), true),
        arguments("['pro']", Operator.NOT_EQUALS, text("pro"), true),
        arguments("{'a':'pro'}", Operator.NOT_EQUALS, text("pro"), true),
        arguments("42", Operator.NOT_EQUALS, text("42"), false),
        arguments("true", Operator.NOT_EQUALS, text("true"), false));
  }

  private static Stream<Arguments> existsCases() {
    Operand none = new Operand.None();
    return Stream.of(
        arguments("'x'", Operator.EXISTS, none, true),
        arguments("''", Operator.EXISTS, none, true),
        arguments("0", Operator.EXISTS, none, true),
        arguments("false", Operator.EXISTS, none, true),
        arguments("[]", Operator.EXISTS, none, true),
        arguments("{}", Operator.EXISTS, none, true),
        arguments("null", Operator.EXISTS, none, false),
        arguments(MISSING, Operator.EXISTS, none, false),
        arguments("'x'", Operator.NOT_EXISTS, none, false),
        arguments("false", Operator.NOT_EXISTS, none, false),
        arguments("[]", Operator.NOT_EXISTS, none, false),
        arguments("null", Operator.NOT_EXISTS, none, true),
        arguments(MISSING, Operator.NOT_EXISTS, none, true));
  }

  private static Stream<Arguments> textCases() {
    return Stream.of(
        arguments("'foobar'", Operator.CONTAINS, text("oba"), true),
        arguments("'foobar'", Operator.CONTAINS, text("OBA"), false),
        arguments("'foobar'", Operator.CONTAINS, text(""), true),
        arguments("''", Operator.CONTAINS, text(""), true),
        arguments(MISSING, Operator.CONTAINS, text(""), false),
        arguments("null", Operator.CONTAINS, text(""), false),
        arguments("12345", Operator.CONTAINS, text("234"), true),
        arguments("true", Operator.CONTAINS, text("ru"), true),
        arguments("['foobar']", Operator.CONTAINS, text("oba"), false),
        arguments("{'k':'foobar'}", Operator.CONTAINS, text("oba"), false),
        arguments("'abc'", Operator.STARTS_WITH, text("ab"), true),
        arguments("'cab'", Operator.STARTS_WITH, text("ab"), false),
        arguments("'Abc'", Operator.STARTS_WITH, text("ab"), false),
        arguments("123", Operator.STARTS_WITH, text("12"), true),
        arguments(MISSING, Operator.STARTS_WITH, text("ab"), false),
        arguments("'a@example.com'", Operator.ENDS_WITH, text("@example.com"), true),
        arguments("'a@example.com.au'", Operator.ENDS_WITH, text("@example.com"), false),
        arguments("4.50", Operator.ENDS_WITH, text("50"), true),
        arguments("false", Operator.ENDS_WITH, text("lse"), true),
        arguments("null", Operator.ENDS_WITH, text(""), false));
  }

  private static Stream<Arguments> inListCases() {
    Operand list = new Operand.TextList(List.of("pro", "team", "42", "true"));
    return Stream.of(
        arguments("'pro'", Operator.IN_LIST, list, true),
        arguments("'team'", Operator.IN_LIST, list, true),
        arguments("'Pro'", Operator.IN_LIST, list, false),
        arguments("'free'", Operator.IN_LIST, list, false),
        arguments("42", Operator.IN_LIST, list, true),
        arguments("42.0", Operator.IN_LIST, list, false),
        arguments("true", Operator.IN_LIST, list, true),
        arguments("['pro']", Operator.IN_LIST, list, false),
        arguments(MISSING, Operator.IN_LIST, list, false),
        arguments("null", Operator.IN_LIST, list, false));
  }

  private static Stream<Arguments> regexCases() {
    return Stream.of(
        arguments("'abc'", Operator.REGEX, text("^a.c$"), true),
        arguments("'xabc'", Operator.REGEX, text("^a.c$"), false),
        arguments("'abbbc'", Operator.REGEX, text("b+"), true),
        arguments("'ABC'", Operator.REGEX, text("abc"), false),
        arguments("'user@example.com'", Operator.REGEX, text("@example\\.com$"), true),
        arguments("'user@exampleXcom'", Operator.REGEX, text("@example\\.com$"), false),
        arguments("2024", Operator.REGEX, text("^20[0-9]{2}$"), true),
        arguments("false", Operator.REGEX, text("^f"), true),
        arguments(MISSING, Operator.REGEX, text(".*"), false),
        arguments("null", Operator.REGEX, text(".*"), false),
        arguments("['abc']", Operator.REGEX, text(".*"), false));
  }

  private static Stream<Arguments> numberCases() {
    Operand ten = number("10");
    return Stream.of(
        arguments("11", Operator.GREATER_THAN, ten, true),
        arguments("10", Operator.GREATER_THAN, ten, false),
        arguments("10.0", Operator.GREATER_THAN, ten, false),
        arguments("10.5", Operator.GREATER_THAN, ten, true),
        arguments("1e3", Operator.GREATER_THAN, ten, true),
        arguments("'11'", Operator.GREATER_THAN, ten, true),
        arguments("'10.01'", Operator.GREATER_THAN, ten, true),
        arguments("'-11'", Operator.GREATER_THAN, number("-12"), true),
        arguments("'1e3'", Operator.GREATER_THAN, ten, false),
        arguments("' 11'", Operator.GREATER_THAN, ten, false),
        arguments("'+11'", Operator.GREATER_THAN, ten, false),
        arguments("'11.'", Operator.GREATER_THAN, ten, false),
        arguments("'.5'", Operator.GREATER_THAN, number("0"), false),
        arguments("'abc'", Operator.GREATER_THAN, ten, false),
        arguments("true", Operator.GREATER_THAN, number("0"), false),
        arguments("[11]", Operator.GREATER_THAN, ten, false),
        arguments(MISSING, Operator.GREATER_THAN, ten, false),
        arguments("null", Operator.GREATER_THAN, ten, false),
        arguments("9", Operator.LESS_THAN, ten, true),
        arguments("10", Operator.LESS_THAN, ten, false),
        arguments("'9.99'", Operator.LESS_THAN, ten, true),
        arguments("'-1'", Operator.LESS_THAN, ten, true),
        arguments("-5", Operator.LESS_THAN, number("-4.5"), true),
        // exact decimals: a double would round this up to 10
        arguments("9.99999999999999999999", Operator.LESS_THAN, ten, true),
        arguments("'9.99999999999999999999'", Operator.LESS_THAN, ten, true),
        arguments("'nine'", Operator.LESS_THAN, ten, false),
        arguments("{}", Operator.LESS_THAN, ten, false),
        arguments(MISSING, Operator.LESS_THAN, ten, false));
  }

  private static Operand text(String value) {
    return new Operand.Text(value);
  }

  private static Operand number(String value) {
    return new Operand.Number(new BigDecimal(value));
  }
}
