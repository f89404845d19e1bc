package io.herald.webadmin.settings;

import io.herald.workspace.api.AdminRole;
import io.herald.workspace.api.AdminUserService;
import io.herald.workspace.api.AdminUserView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Admin users in a list. Refuses short passwords as the real service does, and keeps the password
 * arrays it was given so tests can check that the page wiped them.
 */
final class FakeAdminUserService implements AdminUserService {

  final List<AdminUserView> users = new ArrayList<>();
  final List<char[]> passwordsGiven = new ArrayList<>();

  @Override
  public AdminUserView create(String email, char[] password, AdminRole role) {
    passwordsGiven.add(password);
    if (password.length < 12) {
      throw new IllegalArgumentException("password must be at least 12 characters");
    }
    AdminUserView user = new AdminUserView(users.size() + 1L, email, role, Instant.EPOCH);
    users.add(user);
    return user;
  }

  @Override
  public Optional<AdminUserView> verify(String email, char[] password) {
    throw new AssertionError("not used by these tests");
  }

  @Override
  public List<AdminUserView> users() {
    return List.copyOf(users);
  }
}
