package io.herald.segments.internal;

import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A segment of a workspace: its name, description and type ({@code manual} or {@code data}). */
@Entity
@Table(name = "segments_segment")
public class Segment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Column(nullable = false, length = 255)
  private String name;

  @Column(length = 1000)
  private String description;

  /** {@code manual} or {@code data}, the enum's name in lower case. */
  @Column(nullable = false, length = 16)
  private String type;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Segment() {}

  Segment(long workspaceId, String name, String description, SegmentType type, Instant now) {
    this.workspaceId = workspaceId;
    this.name = name;
    this.description = description;
    this.type = type.name().toLowerCase(Locale.ROOT);
    this.createdAt = now;
    this.updatedAt = now;
  }

  long id() {
    return id;
  }

  SegmentType type() {
    return SegmentType.valueOf(type.toUpperCase(Locale.ROOT));
  }

  boolean isManual() {
    return type() == SegmentType.MANUAL;
  }

  SegmentView view() {
    return new SegmentView(id, name, description, type(), createdAt, updatedAt);
  }
}
