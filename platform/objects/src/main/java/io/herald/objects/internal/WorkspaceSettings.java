package io.herald.objects.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * The module's per-workspace settings; a row exists only for workspaces that override a default
 * (set by operators, for example {@code max_types}).
 */
@Entity
@Table(name = "objects_workspace_settings")
public class WorkspaceSettings {

  @Id
  @Column(name = "workspace_id")
  private long workspaceId;

  @Column(name = "max_types")
  private Integer maxTypes;

  protected WorkspaceSettings() {}

  /** The workspace's own object type limit, when set. */
  Optional<Integer> maxTypes() {
    return Optional.ofNullable(maxTypes);
  }
}
