package io.herald.workspace.internal;

import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A workspace: the unit that owns people, messages and credentials. */
@Entity
@Table(name = "workspace_workspace")
public class Workspace {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "api_requests_per_second")
  private Integer apiRequestsPerSecond;

  /** IANA time zone name; {@code UTC} unless set. */
  @Column(nullable = false, length = 64)
  private String timezone = "UTC";

  protected Workspace() {}

  Workspace(String slug, String name, Instant createdAt) {
    this.slug = slug;
    this.name = name;
    this.createdAt = createdAt;
  }

  Integer apiRequestsPerSecond() {
    return apiRequestsPerSecond;
  }

  void apiRequestsPerSecond(Integer limit) {
    this.apiRequestsPerSecond = limit;
  }

  String timezone() {
    return timezone;
  }

  void timezone(String zone) {
    this.timezone = zone;
  }

  WorkspaceView view() {
    return new WorkspaceView(new WorkspaceId(id), name, createdAt);
  }

  Long id() {
    return id;
  }
}
