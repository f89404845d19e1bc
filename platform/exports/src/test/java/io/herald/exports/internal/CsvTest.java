package io.herald.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesOnlyFieldsThatNeedItAndDoublesQuotes() {
    assertThat(Csv.field("plain text")).isEqualTo("plain text");
    assertThat(Csv.field(" spaces kept ")).isEqualTo(" spaces kept ");
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    assertThat(Csv.field("")).isEmpty();
    assertThat(Csv.field(null)).isEmpty();
    assertThat(Csv.field("ünïcødé ✓")).isEqualTo("ünïcødé ✓");
  }

  @Test
  void recordsEndWithCrlf() {
    assertThat(Csv.row(Arrays.asList("a", null, "b,c", ""))).isEqualTo("a,,\"b,c\",\r\n");
    assertThat(Csv.row(List.of("only"))).isEqualTo("only\r\n");
  }

  @Test
  void stringsAreTextAndOtherValuesJson() {
    assertThat(Csv.text(Json.createValue("pro"))).isEqualTo("pro");
    assertThat(Csv.text(Json.createValue(42))).isEqualTo("42");
    assertThat(Csv.text(Json.createValue(1.5))).isEqualTo("1.5");
    assertThat(Csv.text(JsonValue.TRUE)).isEqualTo("true");
    assertThat(Csv.text(Json.createObjectBuilder().add("a", 1).add("b", "x").build()))
        .isEqualTo("{\"a\":1,\"b\":\"x\"}");
    assertThat(Csv.text(Json.createArrayBuilder().add(1).add("two").build()))
        .isEqualTo("[1,\"two\"]");
    assertThat(Csv.text(null)).isNull();
    assertThat(Csv.text(JsonValue.NULL)).isNull();
  }
}
