package io.herald.webadmin.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.workspace.api.AdminRole;
import io.herald.workspace.api.AdminUserView;
import org.junit.jupiter.api.Test;

class UsersPageTest {

  private final FakeAdminUserService adminUsers = new FakeAdminUserService();
  private final RecordingMessages messages = new RecordingMessages();

  private UsersPage page(FakeConsoleUser user) {
    UsersPage page = new UsersPage();
    page.adminUsers = adminUsers;
    page.user = user;
    page.messages = messages;
    page.load();
    return page;
  }

  private static void fill(UsersPage page, String email, String password, AdminRole role) {
    page.setEmail(email);
    page.setPassword(password);
    page.setRole(role);
  }

  @Test
  void nonAdminCannotCreateAUser() {
    UsersPage page = page(FakeConsoleUser.notAdmin());
    fill(page, "mallory@example.com", "a-long-enough-password", AdminRole.ADMIN);

    page.create();

    assertThat(adminUsers.passwordsGiven).isEmpty();
    assertThat(adminUsers.users).isEmpty();
    assertThat(messages.errors).containsExactly("Only admins may create users.");
  }

  @Test
  void adminCreatesAUserAndTheFormStartsOver() {
    UsersPage page = page(FakeConsoleUser.admin());
    fill(page, "  viewer@example.com ", "a-long-enough-password", AdminRole.VIEWER);

    page.create();

    assertThat(page.getUsers())
        .extracting(AdminUserView::email, AdminUserView::role)
        .containsExactly(tuple("viewer@example.com", AdminRole.VIEWER));
    assertThat(messages.infos).containsExactly("User viewer@example.com created with role viewer.");
    assertThat(page.getEmail()).isNull();
    assertThat(page.getRole()).isEqualTo(AdminRole.VIEWER);
  }

  @Test
  void refusalNamesTheFieldAndTheReasonAndCreatesNothing() {
    UsersPage page = page(FakeConsoleUser.admin());
    fill(page, "viewer@example.com", "too-short", AdminRole.EDITOR);

    page.create();

    assertThat(page.getUsers()).isEmpty();
    assertThat(messages.errors)
        .containsExactly("User not created: password must be at least 12 characters.");
    assertThat(page.getEmail()).isEqualTo("viewer@example.com");
    assertThat(page.getRole()).isEqualTo(AdminRole.EDITOR);
  }

  @Test
  void thePasswordIsNeverReadBackAndIsWipedAfterUse() {
    UsersPage page = page(FakeConsoleUser.admin());
    fill(page, "viewer@example.com", "a-long-enough-password", AdminRole.VIEWER);
    assertThat(page.getPassword()).isNull();

    page.create();

    assertThat(adminUsers.passwordsGiven).hasSize(1);
    assertThat(adminUsers.passwordsGiven.get(0)).hasSize(22).containsOnly('\0');
    assertThat(page.getPassword()).isNull();
  }
}
