package io.herald.webadmin.settings;

import io.herald.workspace.api.BootstrapRequest;
import io.herald.workspace.api.BootstrapResult;
import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.IssuedCredential;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** One default workspace whose credentials live in a list; records revocations. */
final class FakeWorkspaceService implements WorkspaceService {

  static final WorkspaceView DEFAULT =
      new WorkspaceView(new WorkspaceId(1), "Default", Instant.EPOCH);

  final List<CredentialView> credentials = new ArrayList<>();
  final List<Long> revoked = new ArrayList<>();

  @Override
  public Optional<WorkspaceView> defaultWorkspace() {
    return Optional.of(DEFAULT);
  }

  @Override
  public IssuedCredential issueCredential(WorkspaceId workspace, CredentialKind kind, String name) {
    CredentialView view =
        new CredentialView(
            credentials.size() + 1L, workspace, kind, name, null, "abcd…wxyz", Instant.EPOCH, null);
    credentials.add(0, view);
    return new IssuedCredential(view, "abcd-the-whole-secret-wxyz");
  }

  @Override
  public List<CredentialView> credentials(WorkspaceId workspace) {
    return List.copyOf(credentials);
  }

  @Override
  public void revokeCredential(WorkspaceId workspace, long credentialId) {
    revoked.add(credentialId);
  }

  @Override
  public List<WorkspaceView> workspaces() {
    return List.of(DEFAULT);
  }

  @Override
  public OptionalInt apiRequestsPerSecond(WorkspaceId workspace) {
    return OptionalInt.empty();
  }

  @Override
  public void setApiRequestsPerSecond(WorkspaceId workspace, OptionalInt limit) {
    throw new AssertionError("not used by these tests");
  }

  @Override
  public Optional<BootstrapResult> bootstrap(BootstrapRequest request) {
    throw new AssertionError("not used by these tests");
  }

  @Override
  public java.time.ZoneId timeZone(WorkspaceId workspace) {
    return java.time.ZoneId.of("UTC");
  }

  @Override
  public void setTimeZone(WorkspaceId workspace, java.time.ZoneId zone) {
    throw new AssertionError("not used by these tests");
  }
}
