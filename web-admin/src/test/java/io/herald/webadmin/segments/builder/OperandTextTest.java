package io.herald.webadmin.segments.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperandTextTest {

  @Test
  void textIsKeptExactlyAsTyped() {
    assertThat(OperandText.parse(Operator.CONTAINS, "  a, b "))
        .isEqualTo(new Operand.Text("  a, b "));
    assertThat(OperandText.parse(Operator.EQUALS, null)).isEqualTo(new Operand.Text(""));
  }

  @Test
  void numbersAreDecimalsWithTheirScale() {
    assertThat(OperandText.parse(Operator.GREATER_THAN, " 4.50 "))
        .isEqualTo(new Operand.Number(new BigDecimal("4.50")));
    assertThat(OperandText.format(new Operand.Number(new BigDecimal("1E+3")))).isEqualTo("1E+3");
    assertThatThrownBy(() -> OperandText.parse(Operator.LESS_THAN, "1,5"))
        .hasMessage("'1,5' is not a number");
  }

  @Test
  void datesAreDaysInstantsOrUnixSeconds() {
    assertThat(OperandText.parse(Operator.BEFORE, "2026-03-29"))
        .isEqualTo(new Operand.Day(LocalDate.parse("2026-03-29")));
    assertThat(OperandText.parse(Operator.AFTER, "2026-03-29T01:30:00Z"))
        .isEqualTo(new Operand.Moment(Instant.parse("2026-03-29T01:30:00Z")));
    assertThat(OperandText.parse(Operator.AFTER, "1700000000"))
        .isEqualTo(new Operand.Moment(Instant.ofEpochSecond(1_700_000_000L)));
    assertThat(OperandText.instant("2026-03-29")).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
    assertThatThrownBy(() -> OperandText.instant("")).hasMessageContaining("is not a day");
  }

  @Test
  void listsAreOneValuePerLine() {
    assertThat(OperandText.parse(Operator.IN_LIST, "a\r\n b \n\nc,d"))
        .isEqualTo(new Operand.TextList(List.of("a", "b", "c,d")));
    assertThat(OperandText.format(new Operand.TextList(List.of("a", "c,d")))).isEqualTo("a\nc,d");
  }

  @Test
  void daysAreWholeAndNotNegative() {
    assertThat(OperandText.parse(Operator.WITHIN_LAST_DAYS, " 3 ")).isEqualTo(new Operand.Days(3));
    assertThatThrownBy(() -> OperandText.parse(Operator.WITHIN_LAST_DAYS, "-1"))
        .hasMessage("must be at least 0");
  }

  @Test
  void existenceTakesNoValue() {
    assertThat(OperandText.parse(Operator.EXISTS, "ignored")).isEqualTo(new Operand.None());
    assertThat(OperandText.format(new Operand.None())).isEmpty();
  }
}
