package io.herald.segments.internal;

import io.herald.workspace.api.BootstrapRequest;
import io.herald.workspace.api.BootstrapResult;
import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.IssuedCredential;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A workspace service that only knows each workspace's time zone; anything else fails the test. */
final class ZoneOnlyWorkspaces implements WorkspaceService {

  private final ZoneId zone;

  ZoneOnlyWorkspaces(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId timeZone(WorkspaceId workspace) {
    return zone;
  }

  @Override
  public void setTimeZone(WorkspaceId workspace, ZoneId newZone) {
    throw new AssertionError("segments never set a time zone");
  }

  @Override
  public List<WorkspaceView> workspaces() {
    throw new AssertionError("not used by segments");
  }

  @Override
  public Optional<WorkspaceView> defaultWorkspace() {
    throw new AssertionError("not used by segments");
  }

  @Override
  public Optional<BootstrapResult> bootstrap(BootstrapRequest request) {
    throw new AssertionError("not used by segments");
  }

  @Override
  public IssuedCredential issueCredential(WorkspaceId workspace, CredentialKind kind, String name) {
    throw new AssertionError("not used by segments");
  }

  @Override
  public List<CredentialView> credentials(WorkspaceId workspace) {
    throw new AssertionError("not used by segments");
  }

  @Override
  public void revokeCredential(WorkspaceId workspace, long credentialId) {
    throw new AssertionError("not used by segments");
  }

  @Override
  public OptionalInt apiRequestsPerSecond(WorkspaceId workspace) {
    throw new AssertionError("not used by segments");
  }

  @Override
  public void setApiRequestsPerSecond(WorkspaceId workspace, OptionalInt limit) {
    throw new AssertionError("not used by segments");
  }
}
