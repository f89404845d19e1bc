package io.herald.objects.internal;

import io.herald.objects.api.RelationshipView;
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

/** A person's relationship to an object; the person is their {@code cio_id}. */
@Entity
@Table(name = "objects_person_relationship")
public class PersonRelationship {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "object_pk", nullable = false)
  private CustomObject object;

  @Column(name = "person_cio_id", nullable = false, length = 32)
  private String personCioId;

  @Lob
  @Column(nullable = false)
  private String attributes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected PersonRelationship() {}

  PersonRelationship(long workspaceId, CustomObject object, String personCioId, Instant now) {
    this.workspaceId = workspaceId;
    this.object = object;
    this.personCioId = personCioId;
    this.attributes = "{}";
    this.createdAt = now;
    this.updatedAt = now;
  }

  Long pk() {
    return id;
  }

  CustomObject object() {
    return object;
  }

  /**
   * Merges relationship attributes ({@code null} or {@code ""} removes one).
   *
   * @param field where the attributes came from, for messages
   */
  void merge(JsonObject changes, Instant now, String field) {
    if (changes.isEmpty()) {
      return;
    }
    AttributeDocument current =
        new AttributeDocument(AttributeDocument.readObject(attributes), java.util.Map.of());
    attributes = current.apply(changes, now.getEpochSecond(), field).valuesJson();
    updatedAt = now;
  }

  /** Hands the relationship to another person (merges). */
  void reassign(String cioId, Instant now) {
    this.personCioId = cioId;
    this.updatedAt = now;
  }

  RelationshipView view() {
    return new RelationshipView(
        personCioId,
        object.identifiers(),
        AttributeDocument.readObject(attributes),
        createdAt,
        updatedAt);
  }
}
