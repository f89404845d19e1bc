package io.herald.segments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person (by cio_id) in one segment; the row id orders members for paging. */
@Entity
@Table(name = "segments_membership")
public class Membership {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "segment_id", nullable = false)
  private long segmentId;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Column(name = "cio_id", nullable = false, length = 32)
  private String cioId;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  protected Membership() {}

  Membership(long segmentId, long workspaceId, String cioId, Instant addedAt) {
    this.segmentId = segmentId;
    this.workspaceId = workspaceId;
    this.cioId = cioId;
    this.addedAt = addedAt;
  }

  long segmentId() {
    return segmentId;
  }

  String cioId() {
    return cioId;
  }

  /** Hands the membership to another person (a merge's primary). */
  void transferTo(String newCioId) {
    this.cioId = newCioId;
  }
}
