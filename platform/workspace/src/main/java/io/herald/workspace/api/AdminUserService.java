package io.herald.workspace.api;

import java.util.List;
import java.util.Optional;

/** Admin console users; passwords are stored as PBKDF2 hashes. */
public interface AdminUserService {

  /**
   * Creates a user.
   *
   * @throws IllegalArgumentException when the email is taken or the password shorter than 12
   */
  AdminUserView create(String email, char[] password, AdminRole role);

  /** The user, when {@code email} and {@code password} match. */
  Optional<AdminUserView> verify(String email, char[] password);

  /** All users, by email. */
  List<AdminUserView> users();
}
