package io.herald.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyWriteKeyTest {

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findsTheTopLevelWriteKeyWhereverItIs() {
    assertThat(
            BodyWriteKey.topLevelString(
                json(
                    "{\"batch\":[{\"writeKey\":\"nested\"}],\"writeKey\":\"WK\",\"sentAt\":\"x\"}"),
                "writeKey"))
        .contains("WK");
  }

  @Test
  void ignoresNestedKeysNonStringsAndBrokenJson() {
    assertThat(BodyWriteKey.topLevelString(json("{\"a\":{\"writeKey\":\"no\"}}"), "writeKey"))
        .isEmpty();
    assertThat(BodyWriteKey.topLevelString(json("{\"writeKey\":42}"), "writeKey")).isEmpty();
    assertThat(BodyWriteKey.topLevelString(json("{\"writeKey\": "), "writeKey")).isEmpty();
    assertThat(BodyWriteKey.topLevelString(json("[\"writeKey\"]"), "writeKey")).isEmpty();
  }
}
