package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.people.api.DevicePlatform;
import io.herald.people.api.InvalidPersonDataException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DeviceChangeTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static InvalidPersonDataException refused(String device) {
    try {
      DeviceChange.parse(json(device));
    } catch (InvalidPersonDataException e) {
      return e;
    }
    throw new AssertionError("accepted: " + device);
  }

  @Test
  void readsTheTrackV1DeviceAsTheSdkSendsIt() {
    DeviceChange change =
        DeviceChange.parse(
            json(
                "{\"id\":\"DEVICE_TOKEN\",\"platform\":\"ios\",\"last_used\":1700000000,"
                    + "\"attributes\":{\"app_version\":\"1.2.3\",\"push_enabled\":\"true\"}}"));
    assertThat(change.token()).isEqualTo("DEVICE_TOKEN");
    assertThat(change.platform()).isEqualTo(DevicePlatform.IOS);
    assertThat(change.lastUsed()).hasValue(1700000000L);
    assertThat(change.attributes()).containsOnlyKeys("app_version", "push_enabled");
  }

  @Test
  void acceptsTheV2TokenKeyAndDefaultsTheRest() {
    DeviceChange change = DeviceChange.parse(json("{\"token\":\" T2 \",\"platform\":\"Android\"}"));
    assertThat(change.token()).isEqualTo("T2");
    assertThat(change.platform()).isEqualTo(DevicePlatform.ANDROID);
    assertThat(change.lastUsed()).isEmpty();
    assertThat(change.attributes()).isEmpty();
    assertThat(
            DeviceChange.parse(json("{\"id\":\"T\",\"token\":\"T\",\"platform\":\"ios\"}")).token())
        .isEqualTo("T");
  }

  @Test
  void nullOrEmptyAttributeMeansRemoveAndLastStatusIsReadOnly() {
    DeviceChange change =
        DeviceChange.parse(
            json(
                "{\"id\":\"T\",\"platform\":\"ios\",\"attributes\":"
                    + "{\"a\":null,\"b\":\"\",\"n\":3,\"flag\":true,\"_last_status\":\"sent\"}}"));
    assertThat(change.attributes())
        .containsEntry("a", JsonValue.NULL)
        .containsEntry("b", JsonValue.NULL)
        .containsEntry("flag", JsonValue.TRUE)
        .containsKey("n")
        .doesNotContainKey("_last_status");
  }

  @Test
  void missingOrMistypedFieldsAreNamed() {
    assertThat(refused("{\"platform\":\"ios\"}").problems())
        .containsExactly("device.id is required: the device token");
    assertThat(refused("{\"id\":42,\"platform\":\"ios\"}").problems())
        .containsExactly("device.id must be a string");
    assertThat(refused("{\"id\":\"  \",\"platform\":\"ios\"}").problems())
        .containsExactly("device.id must not be empty");
    assertThat(refused("{\"id\":\"a\",\"token\":\"b\",\"platform\":\"ios\"}").problems())
        .containsExactly("device.id and device.token differ: send the device token once");
    assertThat(refused("{\"id\":\"T\"}").problems())
        .containsExactly("device.platform is required: ios or android");
    assertThat(refused("{\"id\":\"T\",\"platform\":1}").problems())
        .containsExactly("device.platform must be a string: ios or android");
    assertThat(refused("{\"id\":\"T\",\"platform\":\"web\"}").problems())
        .containsExactly("device.platform must be ios or android, not \"web\"");
    assertThat(refused("{\"id\":\"T\",\"platform\":\"ios\",\"attributes\":[1]}").problems())
        .containsExactly("device.attributes must be an object");
    assertThat(
            refused("{\"id\":\"T\",\"platform\":\"ios\",\"attributes\":{\"o\":{\"x\":1}}}")
                .problems())
        .containsExactly("device.attributes.o must be a string, number or boolean");
  }

  @Test
  void everyProblemIsListedAtOnce() {
    assertThat(refused("{\"id\":1,\"platform\":\"web\",\"last_used\":\"soon\"}").problems())
        .hasSize(3);
  }

  @Test
  void lastUsedIsUnixSeconds() {
    assertThat(
            DeviceChange.parse(
                    json("{\"id\":\"T\",\"platform\":\"ios\",\"last_used\":\"1700000000\"}"))
                .lastUsed())
        .hasValue(1700000000L);
    assertThat(
            refused("{\"id\":\"T\",\"platform\":\"ios\",\"last_used\":1700000000000}").problems())
        .containsExactly("device.last_used must be a Unix timestamp in seconds, not milliseconds");
    assertThat(refused("{\"id\":\"T\",\"platform\":\"ios\",\"last_used\":-1}").problems())
        .containsExactly("device.last_used must be a Unix timestamp in seconds");
    assertThat(refused("{\"id\":\"T\",\"platform\":\"ios\",\"last_used\":1.5}").problems())
        .containsExactly("device.last_used must be a Unix timestamp in seconds");
  }

  @Test
  void limitsAreTheTokenBoundAndThePersonAttributeLimits() {
    String token = "t".repeat(DeviceChange.MAX_TOKEN_BYTES);
    assertThat(DeviceChange.parse(json("{\"id\":\"" + token + "\",\"platform\":\"ios\"}")).token())
        .hasSize(DeviceChange.MAX_TOKEN_BYTES);
    assertThat(refused("{\"id\":\"" + token + "x\",\"platform\":\"ios\"}").problems())
        .containsExactly("device.id is 513 bytes; the limit is 512");

    String value = "v".repeat(AttributeChanges.MAX_VALUE_BYTES);
    assertThat(
            DeviceChange.parse(
                    json(
                        "{\"id\":\"T\",\"platform\":\"ios\",\"attributes\":{\"a\":\""
                            + value
                            + "\"}}"))
                .attributes())
        .containsKey("a");
    assertThat(
            refused("{\"id\":\"T\",\"platform\":\"ios\",\"attributes\":{\"a\":\"" + value + "é\"}}")
                .problems())
        .containsExactly("device.attributes.a is 1002 bytes; the limit is 1000");
    String name = "n".repeat(AttributeChanges.MAX_NAME_BYTES + 1);
    assertThat(
            refused("{\"id\":\"T\",\"platform\":\"ios\",\"attributes\":{\"" + name + "\":\"x\"}}")
                .problems())
        .singleElement()
        .asString()
        .contains("151 bytes; the limit is 150");

    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i <= AttributeChanges.MAX_ATTRIBUTES; i++) {
      many.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":\"x\"");
    }
    many.append('}');
    assertThatThrownBy(
            () ->
                DeviceChange.parse(
                    json("{\"id\":\"T\",\"platform\":\"ios\",\"attributes\":" + many + "}")))
        .isInstanceOf(InvalidPersonDataException.class)
        .hasMessageContaining("301 attributes; the limit is 300");
  }
}
