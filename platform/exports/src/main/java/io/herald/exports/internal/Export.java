package io.herald.exports.internal;

import io.herald.exports.api.ExportStatus;
import io.herald.exports.api.ExportView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One export: what was asked (filter JSON, requested columns), where the job is (status, people
 * scanned, rows matched, chunks written, heartbeat) and how it ended. The job changes it through
 * {@link ExportRepository}'s conditional updates, so a sweep that failed it wins over a late job.
 */
@Entity
@Table(name = "exports_export")
public class Export {

  /** The only type so far. */
  static final String CUSTOMERS = "customers";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Column(nullable = false, length = 16)
  private String type;

  @Column(nullable = false, length = 16)
  private String status;

  @Lob
  @Column(nullable = false)
  private String filters;

  @Lob
  @Column(name = "columns_json")
  private String columnsJson;

  @Column(nullable = false, length = 1000)
  private String description;

  @Column(nullable = false)
  private long total;

  @Column(nullable = false)
  private long scanned;

  @Column(nullable = false)
  private int chunks;

  @Column(name = "failure_reason", length = 1000)
  private String failureReason;

  @Column(nullable = false)
  private int downloads;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "progress_at", nullable = false)
  private Instant progressAt;

  protected Export() {}

  Export(long workspaceId, String filters, String columnsJson, String description, Instant now) {
    this.workspaceId = workspaceId;
    this.type = CUSTOMERS;
    this.status = ExportStatus.PENDING.wire();
    this.filters = filters;
    this.columnsJson = columnsJson;
    this.description = description;
    this.createdAt = now;
    this.updatedAt = now;
    this.progressAt = now;
  }

  long id() {
    return id;
  }

  long workspaceId() {
    return workspaceId;
  }

  ExportStatus status() {
    return ExportStatus.fromWire(status);
  }

  int chunks() {
    return chunks;
  }

  Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  ExportView view() {
    return new ExportView(
        id,
        type,
        status(),
        total,
        scanned,
        description,
        Optional.ofNullable(failureReason),
        downloads,
        createdAt,
        updatedAt);
  }
}
