package io.herald.shared.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

  @Test
  void readsUpToTheLimitAndRefusesMore() {
    byte[] body = "x".repeat(2048).getBytes(StandardCharsets.UTF_8);
    assertThat(JsonBodies.read(new ByteArrayInputStream(body), 2048)).hasSize(2048);
    assertThatThrownBy(() -> JsonBodies.read(new ByteArrayInputStream(body), 1024))
        .isInstanceOfSatisfying(
            JsonBodies.BodyException.class, e -> assertThat(e.tooLarge()).isTrue())
        .hasMessageContaining("larger than 1 KB");
  }

  @Test
  void parsesJsonAndPointsAtMalformedInput() {
    assertThat(JsonBodies.parse("{\"a\":1}".getBytes()).getValueType())
        .isEqualTo(JsonValue.ValueType.OBJECT);
    assertThatThrownBy(() -> JsonBodies.parse("{\"a\":".getBytes()))
        .isInstanceOfSatisfying(
            JsonBodies.BodyException.class, e -> assertThat(e.tooLarge()).isFalse())
        .hasMessageStartingWith("malformed JSON");
    assertThatThrownBy(() -> JsonBodies.parse(new byte[0])).hasMessageContaining("empty");
  }

  @Test
  void nestingDeeperThanTheParserReadsIsMalformedNotAServerError() {
    byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JsonBodies.parse(deep))
        .isInstanceOfSatisfying(
            JsonBodies.BodyException.class, e -> assertThat(e.tooLarge()).isFalse())
        .hasMessageStartingWith("malformed JSON");
  }
}
