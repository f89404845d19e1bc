package io.herald.people.internal;

import io.herald.people.api.DevicePlatform;
import io.herald.people.api.DeviceView;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A push device: a token unique in its workspace, the person it belongs to (a row of {@code
 * people_person}), its platform, when it was last used and a JSON document of device attributes.
 */
@Entity
@Table(name = "people_device")
public class Device {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Column(name = "person_id", nullable = false)
  private long personId;

  @Column(nullable = false, length = 512)
  private String token;

  @Column(nullable = false, length = 16)
  private String platform;

  @Column(name = "last_used", nullable = false)
  private long lastUsed;

  @Lob
  @Column(nullable = false)
  private String attributes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Device() {}

  Device(long workspaceId, long personId, DeviceChange change, Instant now) {
    this.workspaceId = workspaceId;
    this.token = change.token();
    this.attributes = "{}";
    this.createdAt = now;
    apply(personId, change, now);
  }

  long personId() {
    return personId;
  }

  /**
   * Gives the device to {@code personId} (it may already be theirs) and applies the change:
   * platform and last_used are replaced, attributes merged (a {@code null} value removes one).
   */
  void apply(long personId, DeviceChange change, Instant now) {
    this.personId = personId;
    this.platform = change.platform().wireName();
    this.lastUsed = change.lastUsed().orElse(now.getEpochSecond());
    Map<String, JsonValue> values = new LinkedHashMap<>(read(attributes));
    change
        .attributes()
        .forEach(
            (name, value) -> {
              if (value == JsonValue.NULL) {
                values.remove(name);
              } else {
                values.put(name, value);
              }
            });
    JsonObjectBuilder merged = Jsons.createObjectBuilder();
    values.forEach(merged::add);
    this.attributes = merged.build().toString();
    this.updatedAt = now;
  }

  DeviceView view() {
    return new DeviceView(
        token,
        DevicePlatform.fromWire(platform)
            .orElseThrow(() -> new IllegalStateException("unknown platform " + platform)),
        lastUsed,
        read(attributes),
        createdAt,
        updatedAt);
  }

  private static JsonObject read(String json) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
