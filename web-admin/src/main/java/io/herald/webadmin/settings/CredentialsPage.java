package io.herald.webadmin.settings;

import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.IssuedCredential;
import io.herald.workspace.api.UnknownCredentialException;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * Settings, API credentials: lists the default workspace's credentials, creates and revokes them.
 * Request-scoped on purpose: a new secret lives only in the response that shows it and never in
 * session or view state. Only {@code admin} may create or revoke, checked here as well as hidden in
 * the view. The injected fields are package-private so {@code CredentialsPageTest} can run this
 * logic with fakes, without a container.
 */
@Named
@RequestScoped
public class CredentialsPage {

  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private Optional<WorkspaceView> workspace = Optional.empty();
  private List<CredentialView> credentials = List.of();
  private CredentialKind kind = CredentialKind.APP;
  private String name;
  private IssuedCredential issued;

  @PostConstruct
  void load() {
    workspace = workspaces.defaultWorkspace();
    reload();
  }

  private void reload() {
    credentials = workspace.map(w -> workspaces.credentials(w.id())).orElse(List.of());
  }

  /** Issues a credential of the chosen kind and keeps its secret for this response only. */
  public void create() {
    if (!mayChange()) {
      return;
    }
    try {
      issued = workspaces.issueCredential(workspace.orElseThrow().id(), kind, name);
      name = null;
    } catch (IllegalArgumentException e) {
      messages.error(e.getMessage());
    }
    reload();
  }

  /** Revokes one credential of the default workspace. */
  public void revoke(long credentialId) {
    if (!mayChange()) {
      return;
    }
    try {
      workspaces.revokeCredential(workspace.orElseThrow().id(), credentialId);
      messages.info("Credential revoked.");
    } catch (UnknownCredentialException e) {
      messages.error("That credential does not exist any more.");
    }
    reload();
  }

  private boolean mayChange() {
    if (!user.isAdmin()) {
      messages.error("Only admins may create or revoke API credentials.");
      return false;
    }
    if (workspace.isEmpty()) {
      messages.error("Herald has not been bootstrapped yet: there is no workspace.");
      return false;
    }
    return true;
  }

  public String getWorkspaceName() {
    return workspace.map(WorkspaceView::name).orElse("");
  }

  public List<CredentialView> getCredentials() {
    return credentials;
  }

  public CredentialKind[] getKinds() {
    return CredentialKind.values();
  }

  /** The credential created by this request with its whole secret, or {@code null}. */
  public IssuedCredential getIssued() {
    return issued;
  }

  public CredentialKind getKind() {
    return kind;
  }

  public void setKind(CredentialKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
