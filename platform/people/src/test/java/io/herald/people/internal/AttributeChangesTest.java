package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.people.api.InvalidPersonDataException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributeChangesTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void splitsIdentifiersFlagsAndAttributes() {
    AttributeChanges changes =
        AttributeChanges.parse(
            json(
                "{\"id\":42,\"email\":\" A@x.io \",\"_update\":true,\"plan\":\"pro\",\"cio_id\":\"ignored\"}"));
    assertThat(changes.id()).contains(Optional.of("42"));
    assertThat(changes.email()).contains(Optional.of("A@x.io"));
    assertThat(changes.updateOnly()).isTrue();
    assertThat(changes.writes()).containsOnlyKeys("plan");
  }

  @Test
  void nullAndEmptyMeanRemove() {
    AttributeChanges changes =
        AttributeChanges.parse(json("{\"a\":null,\"b\":\"\",\"email\":\"\"}"));
    assertThat(changes.writes())
        .containsEntry("a", JsonValue.NULL)
        .containsEntry("b", JsonValue.NULL);
    assertThat(changes.email()).contains(Optional.empty());
  }

  @Test
  void createdAtAcceptsUnixSecondsAsNumberOrDigits() {
    assertThat(
            AttributeChanges.parse(json("{\"created_at\":1700000000}")).writes().get("created_at"))
        .hasToString("1700000000");
    assertThat(
            AttributeChanges.parse(json("{\"created_at\":\"1700000000\"}"))
                .writes()
                .get("created_at"))
        .hasToString("1700000000");
    assertThat(
            AttributeChanges.parse(json("{\"created_at\":1700000000.0}"))
                .writes()
                .get("created_at"))
        .hasToString("1700000000");
  }

  @Test
  void everyProblemIsReportedWithItsField() {
    String body =
        "{\"created_at\":\"soon\",\"email\":\"no-at-sign\",\"id\":true,\"unsubscribed\":\"maybe\","
            + "\"bio\":\""
            + "é".repeat(501)
            + "\",\"_update\":1}";
    assertThatThrownBy(() -> AttributeChanges.parse(json(body)))
        .isInstanceOfSatisfying(
            InvalidPersonDataException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "created_at must be a Unix timestamp in seconds",
                        "email must be an email address",
                        "id must be a string",
                        "unsubscribed must be true or false",
                        "attribute \"bio\" is 1002 bytes; the limit is 1000",
                        "_update must be true or false"));
  }

  @Test
  void limitsMatchCustomerIo() {
    assertThatThrownBy(() -> AttributeChanges.parse(json("{\"id\":\"" + "x".repeat(151) + "\"}")))
        .hasMessageContaining("id is 151 bytes; the limit is 150");
    assertThatThrownBy(() -> AttributeChanges.parse(json("{\"created_at\":1700000000000}")))
        .hasMessageContaining("not milliseconds");
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i <= 300; i++) {
      many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    assertThatThrownBy(() -> AttributeChanges.parse(json(many.append("}").toString())))
        .hasMessageContaining("too many attributes: 301");
    // Exactly at the limits is fine.
    assertThat(AttributeChanges.parse(json("{\"v\":\"" + "x".repeat(1000) + "\"}")).writes())
        .hasSize(1);
  }

  @Test
  void structuredValuesCountTheirJsonSize() {
    String big = "{\"list\":[" + "\"abcdefghi\",".repeat(100) + "\"z\"]}";
    assertThatThrownBy(() -> AttributeChanges.parse(json(big))).hasMessageContaining("\"list\" is");
  }

  @Test
  void aPhoneIsATrimmedStringOfAtMost32Characters() {
    AttributeChanges ok =
        AttributeChanges.parse(
            jakarta.json.Json.createObjectBuilder().add("phone", " +15551234567 ").build());
    assertThat(ok.writes().get("phone").toString()).isEqualTo("\"+15551234567\"");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                AttributeChanges.parse(
                    jakarta.json.Json.createObjectBuilder().add("phone", 15551234567L).build()))
        .hasMessageContaining("phone must be a string of 1 to 32 characters");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                AttributeChanges.parse(
                    jakarta.json.Json.createObjectBuilder().add("phone", "1".repeat(33)).build()))
        .hasMessageContaining("phone must be a string");
  }
}
