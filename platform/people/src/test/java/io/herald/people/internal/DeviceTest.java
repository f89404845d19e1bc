package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.people.api.DevicePlatform;
import io.herald.people.api.DeviceView;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static DeviceChange change(String json) {
    return DeviceChange.parse(Json.createReader(new StringReader(json)).readObject());
  }

  @Test
  void reAddingReplacesPlatformAndLastUsedAndMergesAttributes() {
    Device device =
        new Device(
            1,
            10,
            change(
                "{\"id\":\"T\",\"platform\":\"ios\",\"last_used\":1700000000,"
                    + "\"attributes\":{\"app_version\":\"1.0\",\"device_os\":\"17\"}}"),
            T0);
    device.apply(
        11,
        change(
            "{\"id\":\"T\",\"platform\":\"android\","
                + "\"attributes\":{\"app_version\":\"2.0\",\"device_os\":null}}"),
        T0.plusSeconds(60));

    DeviceView view = device.view();
    assertThat(device.personId()).isEqualTo(11);
    assertThat(view.platform()).isEqualTo(DevicePlatform.ANDROID);
    assertThat(view.lastUsed())
        .as("defaults to the time of the call")
        .isEqualTo(T0.getEpochSecond() + 60);
    assertThat(view.attributes().getString("app_version")).isEqualTo("2.0");
    assertThat(view.attributes().containsKey("device_os")).isFalse();
    assertThat(view.createdAt()).isEqualTo(T0);
    assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aPersonCreatedForAPathIdentifierCarriesIt() {
    Person byId = Person.forPath(1, "c1", new PersonRef(IdType.ID, "42"), T0);
    assertThat(byId.view().id()).isEqualTo("42");
    assertThat(byId.view().attributes().getString("id")).isEqualTo("42");
    Person byEmail = Person.forPath(1, "c2", new PersonRef(IdType.EMAIL, "A@x.io"), T0);
    assertThat(byEmail.view().email()).isEqualTo("A@x.io");
    assertThat(byEmail.view().id()).isNull();
  }
}
