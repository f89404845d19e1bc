package io.herald.segments.internal;

import io.herald.segments.api.SegmentState;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.segments.api.condition.InvalidConditionException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A segment of a workspace: its name, description and type ({@code manual} or {@code data}); a data
 * segment also has its conditions (the JSON of {@link
 * io.herald.segments.api.condition.ConditionJson}) and the state of its full rebuild, which the
 * real-time engine maintains (read only here).
 */
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

  /** The condition JSON of a data segment; {@code null} for a manual one. */
  @Column(columnDefinition = "LONGTEXT")
  private String conditions;

  /** The format version of {@link #conditions}. */
  @Column(name = "conditions_version")
  private Integer conditionsVersion;

  /** {@code pending}, {@code running} or {@code done}; written by the rebuild workers only. */
  @Column(name = "rebuild_state", insertable = false, updatable = false, length = 16)
  private String rebuildState;

  protected Segment() {}

  Segment(long workspaceId, String name, String description, SegmentType type, Instant now) {
    this.workspaceId = workspaceId;
    this.name = name;
    this.description = description;
    this.type = type.name().toLowerCase(Locale.ROOT);
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A new data segment with its conditions. */
  static Segment data(
      long workspaceId,
      String name,
      String description,
      String conditions,
      int conditionsVersion,
      Instant now) {
    Segment segment = new Segment(workspaceId, name, description, SegmentType.DATA, now);
    segment.conditions = conditions;
    segment.conditionsVersion = conditionsVersion;
    return segment;
  }

  /** Replaces a data segment's name, description and conditions. */
  void redefine(
      String newName, String newDescription, String newConditions, int version, Instant now) {
    this.name = newName;
    this.description = newDescription;
    this.conditions = newConditions;
    this.conditionsVersion = version;
    this.updatedAt = now;
  }

  long id() {
    return id;
  }

  long workspaceId() {
    return workspaceId;
  }

  /** The condition JSON of a data segment, {@code null} for a manual segment. */
  String conditions() {
    return conditions;
  }

  /** The parsed conditions of a data segment; empty for a manual segment. */
  Optional<ConditionDocument> conditionDocument() {
    if (conditions == null) {
      return Optional.empty();
    }
    try (JsonReader reader = Json.createReader(new StringReader(conditions))) {
      return Optional.of(ConditionJson.parse(reader.readValue()));
    } catch (InvalidConditionException | JsonException e) {
      throw new IllegalStateException(
          "the stored conditions of segment " + id + " are unreadable: " + e.getMessage(), e);
    }
  }

  SegmentType type() {
    return SegmentType.valueOf(type.toUpperCase(Locale.ROOT));
  }

  boolean isManual() {
    return type() == SegmentType.MANUAL;
  }

  SegmentView view() {
    boolean building =
        type() == SegmentType.DATA
            && ("pending".equals(rebuildState) || "running".equals(rebuildState));
    return new SegmentView(
        id,
        name,
        description,
        type(),
        createdAt,
        updatedAt,
        building ? SegmentState.BUILDING : SegmentState.FINISHED);
  }
}
