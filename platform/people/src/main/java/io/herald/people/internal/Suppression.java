package io.herald.people.internal;

import io.herald.people.api.IdType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One suppressed identifier of a workspace. */
@Entity
@Table(name = "people_suppression")
public class Suppression {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Enumerated(EnumType.STRING)
  @Column(name = "id_type", nullable = false, length = 8)
  private IdType idType;

  @Column(name = "id_key", nullable = false, length = 255)
  private String idKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Suppression() {}

  Suppression(long workspaceId, IdType idType, String idKey, Instant createdAt) {
    this.workspaceId = workspaceId;
    this.idType = idType;
    this.idKey = idKey;
    this.createdAt = createdAt;
  }
}
