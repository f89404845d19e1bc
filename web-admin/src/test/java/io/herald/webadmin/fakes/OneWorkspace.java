package io.herald.webadmin.fakes;

import io.herald.workspace.api.BootstrapRequest;
import io.herald.workspace.api.BootstrapResult;
import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.IssuedCredential;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Just the default workspace, id 1; the data pages need nothing else. */
public final class OneWorkspace implements WorkspaceService {

  public static final WorkspaceId ID = new WorkspaceId(1);
  static final WorkspaceView DEFAULT = new WorkspaceView(ID, "Default", Instant.EPOCH);

  @Override
  public Optional<WorkspaceView> defaultWorkspace() {
    return Optional.of(DEFAULT);
  }

  @Override
  public List<WorkspaceView> workspaces() {
    return List.of(DEFAULT);
  }

  @Override
  public Optional<BootstrapResult> bootstrap(BootstrapRequest request) {
    throw new AssertionError("not used by the data pages");
  }

  @Override
  public IssuedCredential issueCredential(WorkspaceId workspace, CredentialKind kind, String name) {
    throw new AssertionError("not used by the data pages");
  }

  @Override
  public List<CredentialView> credentials(WorkspaceId workspace) {
    throw new AssertionError("not used by the data pages");
  }

  @Override
  public void revokeCredential(WorkspaceId workspace, long credentialId) {
    throw new AssertionError("not used by the data pages");
  }

  @Override
  public java.util.OptionalInt apiRequestsPerSecond(WorkspaceId workspace) {
    throw new AssertionError("not used by the console");
  }

  @Override
  public void setApiRequestsPerSecond(WorkspaceId workspace, java.util.OptionalInt limit) {
    throw new AssertionError("not used by the console");
  }

  @Override
  public java.time.ZoneId timeZone(WorkspaceId workspace) {
    return java.time.ZoneId.of("UTC");
  }

  @Override
  public void setTimeZone(WorkspaceId workspace, java.time.ZoneId zone) {
    throw new AssertionError("not used by the console");
  }
}
