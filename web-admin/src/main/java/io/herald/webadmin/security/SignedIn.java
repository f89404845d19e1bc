package io.herald.webadmin.security;

import io.herald.workspace.api.AdminRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is signed in to the console, kept in the HTTP session (replicated with it: the console is
 * {@code distributable}) from the login until logout or the session's end. The role is the one the
 * user had when signing in, as Jakarta Security's session did before.
 *
 * @param email the user's login, lower-case
 * @param role the user's console role
 */
public record SignedIn(String email, AdminRole role) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** The session attribute that holds it. */
  static final String ATTRIBUTE = "io.herald.webadmin.signedIn";

  public SignedIn {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
  }

  /** Who is signed in on the request's session, without creating a session. */
  public static Optional<SignedIn> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(ATTRIBUTE) instanceof SignedIn s
        ? Optional.of(s)
        : Optional.empty();
  }
}
