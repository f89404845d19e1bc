package io.herald.webadmin.settings;

import io.herald.webadmin.security.ConsoleUser;

/** A signed-in user that is an admin or not, without a {@code SecurityContext}. */
final class FakeConsoleUser extends ConsoleUser {

  private final boolean admin;

  private FakeConsoleUser(boolean admin) {
    this.admin = admin;
  }

  static FakeConsoleUser admin() {
    return new FakeConsoleUser(true);
  }

  /** An editor or a viewer: both lack the {@code admin} role. */
  static FakeConsoleUser notAdmin() {
    return new FakeConsoleUser(false);
  }

  @Override
  public boolean isAdmin() {
    return admin;
  }
}
