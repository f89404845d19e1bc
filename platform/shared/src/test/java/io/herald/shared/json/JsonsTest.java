package io.herald.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonsTest {

  @Test
  void everyCallUsesTheOneProvider() {
    assertThat(Jsons.provider()).isSameAs(Jsons.provider());
  }

  @Test
  void buildsAndReadsWhatJakartaJsonDoes() {
    JsonObject built =
        Jsons.createObjectBuilder()
            .add("s", Jsons.createValue("x"))
            .add("n", Jsons.createValue(9.99))
            .add("l", Jsons.createValue(7L))
            .add("a", Jsons.createArrayBuilder(List.of(1, "two")))
            .add("o", Jsons.createObjectBuilder(Map.of("k", true)))
            .build();
    JsonObject expected =
        Json.createObjectBuilder()
            .add("s", "x")
            .add("n", new BigDecimal("9.99"))
            .add("l", 7)
            .add("a", Json.createArrayBuilder().add(1).add("two"))
            .add("o", Json.createObjectBuilder().add("k", true))
            .build();

    assertThat(built).isEqualTo(expected);
    try (var reader = Jsons.createReader(new StringReader(expected.toString()))) {
      assertThat(reader.readObject()).isEqualTo(expected);
    }
    assertThat(Jsons.createObjectBuilder(expected).remove("o").build()).doesNotContainKey("o");
  }
}
