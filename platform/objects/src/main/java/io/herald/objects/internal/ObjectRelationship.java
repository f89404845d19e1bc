package io.herald.objects.internal;

import io.herald.objects.api.ObjectRelationshipView;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;

/** A directed relationship from a parent object to a child object, with attributes. */
@Entity
@Table(name = "objects_object_relationship")
public class ObjectRelationship {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "parent_pk", nullable = false)
  private CustomObject parent;

  @ManyToOne(optional = false)
  @JoinColumn(name = "child_pk", nullable = false)
  private CustomObject child;

  @Lob
  @Column(nullable = false)
  private String attributes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected ObjectRelationship() {}

  ObjectRelationship(long workspaceId, CustomObject parent, CustomObject child, Instant now) {
    this.workspaceId = workspaceId;
    this.parent = parent;
    this.child = child;
    this.attributes = "{}";
    this.createdAt = now;
    this.updatedAt = now;
  }

  Long pk() {
    return id;
  }

  /** Merges relationship attributes ({@code null} or {@code ""} removes one). */
  void merge(JsonObject changes, Instant now, String field) {
    if (changes.isEmpty()) {
      return;
    }
    AttributeDocument current =
        new AttributeDocument(AttributeDocument.readObject(attributes), Map.of());
    attributes = current.apply(changes, now.getEpochSecond(), field).valuesJson();
    updatedAt = now;
  }

  ObjectRelationshipView view() {
    return new ObjectRelationshipView(
        parent.identifiers(),
        child.identifiers(),
        AttributeDocument.readObject(attributes),
        createdAt,
        updatedAt);
  }
}
