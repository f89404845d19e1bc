package io.herald.segments.internal.realtime;

import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;

/** The time zone each workspace reads calendar days in ({@link WorkspaceService#timeZone}). */
@ApplicationScoped
public class WorkspaceZones {

  @Inject WorkspaceService workspaces;

  /** The workspace's zone. */
  public ZoneId of(long workspaceId) {
    return workspaces.timeZone(new WorkspaceId(workspaceId));
  }
}
