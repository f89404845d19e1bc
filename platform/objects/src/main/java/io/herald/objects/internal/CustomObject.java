package io.herald.objects.internal;

import io.herald.objects.api.ObjectIdentifiers;
import io.herald.objects.api.ObjectView;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A custom object: its type and the customer's {@code object_id} (unique per workspace), Herald's
 * {@code cio_object_id}, and an attribute document with the time each attribute was last set.
 */
@Entity
@Table(name = "objects_object")
public class CustomObject {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Column(name = "type_id", nullable = false)
  private int typeId;

  @Column(name = "object_id", nullable = false, length = 150)
  private String objectId;

  @Column(name = "cio_object_id", nullable = false, length = 32)
  private String cioObjectId;

  @Lob
  @Column(nullable = false)
  private String attributes;

  @Lob
  @Column(name = "attribute_timestamps", nullable = false)
  private String attributeTimestamps;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected CustomObject() {}

  CustomObject(long workspaceId, int typeId, String objectId, String cioObjectId, Instant now) {
    this.workspaceId = workspaceId;
    this.typeId = typeId;
    this.objectId = objectId;
    this.cioObjectId = cioObjectId;
    this.attributes = "{}";
    this.attributeTimestamps = "{}";
    this.createdAt = now;
    this.updatedAt = now;
  }

  Long pk() {
    return id;
  }

  /**
   * Applies attribute changes ({@code null} or {@code ""} removes one).
   *
   * @throws io.herald.objects.api.InvalidObjectDataException when the document would break a limit;
   *     the object is unchanged then
   */
  boolean apply(JsonObject changes, Instant now) {
    if (changes.isEmpty()) {
      return false;
    }
    AttributeDocument next = document().apply(changes, now.getEpochSecond(), "attributes");
    boolean changed = !next.valuesJson().equals(attributes);
    attributes = next.valuesJson();
    attributeTimestamps = next.timesJson();
    updatedAt = now;
    return changed;
  }

  ObjectIdentifiers identifiers() {
    return new ObjectIdentifiers(Integer.toString(typeId), objectId, cioObjectId);
  }

  ObjectView view() {
    AttributeDocument document = document();
    return new ObjectView(identifiers(), document.json(), document.times(), createdAt, updatedAt);
  }

  private AttributeDocument document() {
    return AttributeDocument.read(attributes, attributeTimestamps);
  }
}
