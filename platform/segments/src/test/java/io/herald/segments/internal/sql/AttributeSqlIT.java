package io.herald.segments.internal.sql;

import static io.herald.segments.api.condition.Operator.CONTAINS;
import static io.herald.segments.api.condition.Operator.ENDS_WITH;
import static io.herald.segments.api.condition.Operator.EQUALS;
import static io.herald.segments.api.condition.Operator.EXISTS;
import static io.herald.segments.api.condition.Operator.GREATER_THAN;
import static io.herald.segments.api.condition.Operator.IN_LIST;
import static io.herald.segments.api.condition.Operator.LESS_THAN;
import static io.herald.segments.api.condition.Operator.NOT_EQUALS;
import static io.herald.segments.api.condition.Operator.NOT_EXISTS;
import static io.herald.segments.api.condition.Operator.REGEX;
import static io.herald.segments.api.condition.Operator.STARTS_WITH;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.Operand;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Text, number and presence operators on person attributes, in SQL. */
class AttributeSqlIT extends SqlTestBase {

  @BeforeEach
  void people() {
    data.person(
        "a",
        """
        {"plan":"Pro","n":42,"f":4.5,"t":"Hello World ","b":true,"nul":null,"obj":{"x":1},
         "arr":[1],"u":"caf\\u00e9 \u6f22","pct":"100%_off","q\\"k":"quoted","a.b":"dotted",
         "sp ace":"spaced","back\\\\slash":"bs","inj":"' OR 1=1 --","esc":"a\\"b\\\\c"}
        """);
    data.person(
        "b",
        """
        {"plan":"pro","n":"42","f":"4.50","t":"hello world","b":"true","obj":"{\\"x\\":1}",
         "neg":"-3.25","big":"1e3","padded":" 5","plus":"+5","frac":"5.","nl":"7\\n"}
        """);
    data.person("c", "{\"plan\":\"PRO \",\"n\":-7,\"f\":0.25,\"b\":false}");
    data.person("d", "{}");
  }

  @Test
  void equalsComparesTextExactlyCaseAndTrailingSpacesIncluded() {
    assertThat(who(attr("plan", EQUALS, text("Pro")))).containsExactly("a");
    assertThat(who(attr("plan", EQUALS, text("pro")))).containsExactly("b");
    assertThat(who(attr("plan", EQUALS, text("PRO")))).isEmpty();
    assertThat(who(attr("plan", EQUALS, text("PRO ")))).containsExactly("c");
    assertThat(who(attr("t", EQUALS, text("Hello World")))).isEmpty();
    assertThat(who(attr("t", EQUALS, text("Hello World ")))).containsExactly("a");
    assertThat(who(attr("u", EQUALS, text("café 漢")))).containsExactly("a");
    assertThat(who(attr("u", EQUALS, text("cafe 漢")))).isEmpty();
    assertThat(who(attr("esc", EQUALS, text("a\"b\\c")))).containsExactly("a");
  }

  @Test
  void numbersAndBooleansCompareAsTheirJsonText() {
    assertThat(who(attr("n", EQUALS, text("42")))).containsExactly("a", "b");
    assertThat(who(attr("n", EQUALS, text("-7")))).containsExactly("c");
    assertThat(who(attr("f", EQUALS, text("4.5")))).containsExactly("a");
    assertThat(who(attr("b", EQUALS, text("true")))).containsExactly("a", "b");
    assertThat(who(attr("b", EQUALS, text("false")))).containsExactly("c");
    assertThat(who(attr("b", EQUALS, text("True")))).isEmpty();
  }

  @Test
  void objectsArraysAndNullHaveNoTextSoOnlyNotEqualsMatchesThem() {
    assertThat(who(attr("obj", EQUALS, text("{\"x\":1}")))).containsExactly("b");
    assertThat(who(attr("obj", EQUALS, text("{\"x\": 1}")))).isEmpty();
    assertThat(who(attr("arr", EQUALS, text("[1]")))).isEmpty();
    assertThat(who(attr("arr", CONTAINS, text("1")))).isEmpty();
    assertThat(who(attr("nul", EQUALS, text("null")))).isEmpty();
    assertThat(who(attr("obj", NOT_EQUALS, text("{\"x\":1}")))).containsExactly("a", "c", "d");
  }

  @Test
  void notEqualsIsTheNegationOfEqualsAndIncludesPeopleWithoutTheAttribute() {
    assertThat(who(attr("plan", NOT_EQUALS, text("Pro")))).containsExactly("b", "c", "d");
    assertThat(who(attr("nul", NOT_EQUALS, text("x")))).containsExactly("a", "b", "c", "d");
  }

  @Test
  void jsonNullCountsAsMissing() {
    assertThat(who(attr("nul", EXISTS, none()))).isEmpty();
    assertThat(who(attr("nul", NOT_EXISTS, none()))).containsExactly("a", "b", "c", "d");
    assertThat(who(attr("obj", EXISTS, none()))).containsExactly("a", "b");
    assertThat(who(attr("b", EXISTS, none()))).containsExactly("a", "b", "c");
    assertThat(who(attr("b", NOT_EXISTS, none()))).containsExactly("d");
  }

  @Test
  void containsStartsAndEndsWithAreCaseSensitiveAndTakeWildcardsLiterally() {
    assertThat(who(attr("t", CONTAINS, text("o W")))).containsExactly("a");
    assertThat(who(attr("t", CONTAINS, text("o w")))).containsExactly("b");
    assertThat(who(attr("t", CONTAINS, text("")))).containsExactly("a", "b");
    assertThat(who(attr("pct", CONTAINS, text("%_")))).containsExactly("a");
    assertThat(who(attr("t", CONTAINS, text("%")))).isEmpty();
    assertThat(who(attr("plan", STARTS_WITH, text("P")))).containsExactly("a", "c");
    assertThat(who(attr("plan", STARTS_WITH, text("r")))).isEmpty();
    assertThat(who(attr("plan", STARTS_WITH, text("")))).containsExactly("a", "b", "c");
    assertThat(who(attr("n", STARTS_WITH, text("4")))).containsExactly("a", "b");
    assertThat(who(attr("t", ENDS_WITH, text("World ")))).containsExactly("a");
    assertThat(who(attr("t", ENDS_WITH, text("world")))).containsExactly("b");
    assertThat(who(attr("u", ENDS_WITH, text("é 漢")))).containsExactly("a");
    assertThat(who(attr("u", ENDS_WITH, text("漢")))).containsExactly("a");
    assertThat(who(attr("plan", ENDS_WITH, text("")))).containsExactly("a", "b", "c");
  }

  @Test
  void inListMatchesAnyValueExactly() {
    assertThat(who(attr("plan", IN_LIST, new Operand.TextList(List.of("Pro", "PRO ", "x")))))
        .containsExactly("a", "c");
    assertThat(who(attr("n", IN_LIST, new Operand.TextList(List.of("42")))))
        .containsExactly("a", "b");
    assertThat(who(attr("plan", IN_LIST, new Operand.TextList(List.of())))).isEmpty();
  }

  @Test
  void regexFindsACaseSensitiveMatchAnywhere() {
    assertThat(who(attr("plan", REGEX, text("r")))).containsExactly("a", "b");
    assertThat(who(attr("plan", REGEX, text("^P")))).containsExactly("a", "c");
    assertThat(who(attr("plan", REGEX, text("^[Pp]ro$")))).containsExactly("a", "b");
    assertThat(who(attr("t", REGEX, text("W.r")))).containsExactly("a");
    assertThat(who(attr("n", REGEX, text("^4[0-9]$")))).containsExactly("a", "b");
    assertThat(who(attr("b", REGEX, text("^t")))).containsExactly("a", "b");
    assertThat(who(attr("arr", REGEX, text("1")))).isEmpty();
    assertThat(who(attr("u", REGEX, text("é")))).containsExactly("a");
  }

  @Test
  void aRegexJavaCannotCompileMatchesNobody() {
    assertThat(who(attr("plan", REGEX, text("(")))).isEmpty();
  }

  @Test
  void numbersCompareJsonNumbersAndStringsThatAreEntirelyDecimals() {
    assertThat(who(attr("n", GREATER_THAN, number("41")))).containsExactly("a", "b");
    assertThat(who(attr("n", GREATER_THAN, number("42")))).isEmpty();
    assertThat(who(attr("n", LESS_THAN, number("0")))).containsExactly("c");
    assertThat(who(attr("f", GREATER_THAN, number("4.49")))).containsExactly("a", "b");
    assertThat(who(attr("f", LESS_THAN, number("4.5")))).containsExactly("c");
    assertThat(who(attr("neg", LESS_THAN, number("-3.2")))).containsExactly("b");
    assertThat(who(attr("n", GREATER_THAN, number("4.1E+1")))).containsExactly("a", "b");
  }

  @Test
  void stringsThatAreNotPlainDecimalsAndBooleansAreNotNumbers() {
    for (String property : List.of("big", "padded", "plus", "frac", "nl", "b", "plan", "obj")) {
      assertThat(who(attr(property, GREATER_THAN, number("-1000000"))))
          .as(property)
          .doesNotContain("b");
      assertThat(who(attr(property, LESS_THAN, number("1000000"))))
          .as(property)
          .doesNotContain("b");
    }
  }

  @Test
  void propertyNamesAreQuotedWhateverTheyHold() {
    assertThat(who(attr("q\"k", EQUALS, text("quoted")))).containsExactly("a");
    assertThat(who(attr("a.b", EQUALS, text("dotted")))).containsExactly("a");
    assertThat(who(attr("a", EXISTS, none()))).isEmpty();
    assertThat(who(attr("sp ace", EQUALS, text("spaced")))).containsExactly("a");
    assertThat(who(attr("back\\slash", EQUALS, text("bs")))).containsExactly("a");
    assertThat(who(attr("$.plan", EXISTS, none()))).isEmpty();
    assertThat(who(attr("*", EXISTS, none()))).isEmpty();
  }

  @Test
  void valuesAreDataNeverSql() {
    assertThat(who(attr("inj", EQUALS, text("' OR 1=1 --")))).containsExactly("a");
    assertThat(who(attr("plan", EQUALS, text("x' OR '1'='1")))).isEmpty();
    assertThat(who(attr("plan\") OR TRUE OR (\"", EXISTS, none()))).isEmpty();
  }
}
