package io.herald.inapp.internal;

import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which workspace a Track API site id (the public id the SDK carries) belongs to. Found site ids
 * are remembered for 30 seconds (a revoked Track key's site id stops working within that); unknown
 * ones are looked up every time, so guessing cannot fill the memory.
 */
@ApplicationScoped
public class SiteDirectory {

  static final Duration REMEMBER = Duration.ofSeconds(30);

  private static final int MAX_REMEMBERED = 10_000;

  @Inject WorkspaceService workspaces;

  @Inject Clock clock;

  private record Found(WorkspaceId workspace, Instant at) {}

  private final Map<String, Found> found = new ConcurrentHashMap<>();

  /** The workspace with an active Track credential of that site id. */
  public Optional<WorkspaceId> workspaceOf(String siteId) {
    if (siteId == null || siteId.isEmpty() || siteId.length() > 64) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Found f = found.get(siteId);
    if (f != null && f.at().plus(REMEMBER).isAfter(now)) {
      return Optional.of(f.workspace());
    }
    Optional<WorkspaceId> workspace = lookUp(siteId);
    if (workspace.isPresent()) {
      if (found.size() >= MAX_REMEMBERED) {
        found.clear();
      }
      found.put(siteId, new Found(workspace.get(), now));
    } else {
      found.remove(siteId);
    }
    return workspace;
  }

  private Optional<WorkspaceId> lookUp(String siteId) {
    for (WorkspaceView w : workspaces.workspaces()) {
      for (CredentialView c : workspaces.credentials(w.id())) {
        if (c.kind() == CredentialKind.TRACK && c.active() && siteId.equals(c.siteId())) {
          return Optional.of(c.workspaceId());
        }
      }
    }
    return Optional.empty();
  }
}
