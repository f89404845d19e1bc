package io.herald.webadmin.security;

import io.herald.webadmin.ConsolePaths;
import io.herald.workspace.api.AdminRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * The signed-in console user ({@link SignedIn}, kept by {@link LoginPage}): who it is, what role it
 * has, and logout. Pages ask {@link #isAdmin()} both to hide controls and to refuse changes on the
 * server.
 */
@Named
@RequestScoped
public class ConsoleUser {

  @Inject ExternalContext external;

  private Optional<SignedIn> signedIn() {
    return SignedIn.of((HttpServletRequest) external.getRequest());
  }

  /** The caller's email, or an empty string when nobody is signed in. */
  public String getEmail() {
    return signedIn().map(SignedIn::email).orElse("");
  }

  /** The caller's role name ({@code admin}, {@code editor}, {@code viewer}), or empty. */
  public String getRole() {
    return signedIn().map(s -> s.role().roleName()).orElse("");
  }

  /**
   * Whether the caller holds a console role ({@code admin}, {@code editor} or {@code viewer}): all
   * three may read every page. Read-only pages check it on the server as well as through {@link
   * ConsoleAccessFilter}.
   */
  public boolean mayRead() {
    return !getRole().isEmpty();
  }

  /**
   * Whether the caller may change the workspace's data definitions, such as segments: {@code admin}
   * and {@code editor}. Pages check it on the server before every such change.
   */
  public boolean mayEdit() {
    String role = getRole();
    return role.equals(AdminRole.ADMIN.roleName()) || role.equals(AdminRole.EDITOR.roleName());
  }

  /** Whether the caller may change settings such as API credentials. */
  public boolean isAdmin() {
    return getRole().equals(AdminRole.ADMIN.roleName());
  }

  /** Ends the session and returns to the login page. */
  public void logout() throws IOException {
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + ConsolePaths.LOGIN);
  }
}
