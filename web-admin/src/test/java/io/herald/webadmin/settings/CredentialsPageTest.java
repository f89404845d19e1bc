package io.herald.webadmin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import org.junit.jupiter.api.Test;

class CredentialsPageTest {

  private final FakeWorkspaceService workspaces = new FakeWorkspaceService();
  private final RecordingMessages messages = new RecordingMessages();

  private CredentialsPage page(FakeConsoleUser user) {
    CredentialsPage page = new CredentialsPage();
    page.workspaces = workspaces;
    page.user = user;
    page.messages = messages;
    page.load();
    return page;
  }

  @Test
  void nonAdminCannotCreateACredential() {
    CredentialsPage page = page(FakeConsoleUser.notAdmin());
    page.setKind(CredentialKind.APP);
    page.setName("forged");

    page.create();

    assertThat(workspaces.credentials).isEmpty();
    assertThat(page.getIssued()).isNull();
    assertThat(messages.errors)
        .containsExactly("Only admins may create or revoke API credentials.");
  }

  @Test
  void nonAdminCannotRevokeACredential() {
    workspaces.issueCredential(FakeWorkspaceService.DEFAULT.id(), CredentialKind.APP, "kept");
    CredentialsPage page = page(FakeConsoleUser.notAdmin());

    page.revoke(1L);

    assertThat(workspaces.revoked).isEmpty();
    assertThat(messages.infos).isEmpty();
    assertThat(messages.errors)
        .containsExactly("Only admins may create or revoke API credentials.");
  }

  @Test
  void adminCreatesACredentialAndSeesItsSecretOnceInThisResponse() {
    CredentialsPage page = page(FakeConsoleUser.admin());
    page.setKind(CredentialKind.TRACK);
    page.setName("checkout");

    page.create();

    assertThat(page.getIssued().secret()).isEqualTo("abcd-the-whole-secret-wxyz");
    assertThat(page.getName()).isNull();
    assertThat(page.getCredentials()).extracting(CredentialView::name).containsExactly("checkout");
    assertThat(messages.errors).isEmpty();
  }

  @Test
  void adminRevokesACredential() {
    workspaces.issueCredential(FakeWorkspaceService.DEFAULT.id(), CredentialKind.APP, "old");
    CredentialsPage page = page(FakeConsoleUser.admin());

    page.revoke(1L);

    assertThat(workspaces.revoked).containsExactly(1L);
    assertThat(messages.infos).containsExactly("Credential revoked.");
  }
}
