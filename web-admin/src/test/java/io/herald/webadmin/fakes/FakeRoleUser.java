package io.herald.webadmin.fakes;

import io.herald.webadmin.security.ConsoleUser;

/** A signed-in console user with a fixed role ({@code ""} for a caller without one). */
public final class FakeRoleUser extends ConsoleUser {

  private final String role;

  private FakeRoleUser(String role) {
    this.role = role;
  }

  public static FakeRoleUser viewer() {
    return new FakeRoleUser("viewer");
  }

  public static FakeRoleUser editor() {
    return new FakeRoleUser("editor");
  }

  public static FakeRoleUser admin() {
    return new FakeRoleUser("admin");
  }

  /** Signed in but without any console role. */
  public static FakeRoleUser noRole() {
    return new FakeRoleUser("");
  }

  @Override
  public String getRole() {
    return role;
  }

  @Override
  public boolean isAdmin() {
    return role.equals("admin");
  }
}
