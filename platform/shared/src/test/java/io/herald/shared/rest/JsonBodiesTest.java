package io.herald.shared.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
  void bodiesAroundEveryBufferSizeAreReadWholeAndTheLimitHoldsExactly() {
    for (int size : new int[] {0, 1, 1023, 1024, 1025, 2047, 2048, 2049, 4096, 100_000, 131_072}) {
      byte[] body = new byte[size];
      for (int i = 0; i < size; i++) {
        body[i] = (byte) ('a' + i % 26);
      }
      assertThat(JsonBodies.read(new ByteArrayInputStream(body), 131_072))
          .as("%d bytes", size)
          .isEqualTo(body);
      assertThat(JsonBodies.read(new ByteArrayInputStream(body), size)).isEqualTo(body);
      if (size > 0) {
        assertThatThrownBy(() -> JsonBodies.read(new ByteArrayInputStream(body), size - 1))
            .as("%d bytes over a limit of %d", size, size - 1)
            .isInstanceOf(JsonBodies.BodyException.class);
      }
    }
  }

  @Test
  void aBodyArrivingAFewBytesAtATimeIsReadWhole() {
    byte[] body = "{\"name\":\"purchase\"}".repeat(200).getBytes(StandardCharsets.UTF_8);
    InputStream trickle =
        new FilterInputStream(new ByteArrayInputStream(body)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 7));
          }
        };
    assertThat(JsonBodies.read(trickle, 128 * 1024)).isEqualTo(body);
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
