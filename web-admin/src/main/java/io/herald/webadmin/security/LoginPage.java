package io.herald.webadmin.security;

import io.herald.webadmin.ConsolePaths;
import io.herald.workspace.api.AdminUserService;
import io.herald.workspace.api.AdminUserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * The login form: checks email and password against the workspace's admin users and, on success,
 * keeps {@link SignedIn} in the session and returns to the page that asked for the login (else the
 * dashboard).
 */
@Named
@RequestScoped
public class LoginPage {

  static final String WRONG_LOGIN = "Wrong email or password";

  @Inject AdminUserService users;
  @Inject FacesContext faces;
  @Inject ExternalContext external;

  private String email;
  private String password;

  /** Signs in, or shows the error and leaves whoever was signed in (if anyone) as they were. */
  public void login() throws IOException {
    Optional<AdminUserView> user =
        email == null || password == null
            ? Optional.empty()
            : users.verify(email, password.toCharArray());
    password = null;
    if (user.isEmpty()) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, WRONG_LOGIN, null));
      return;
    }
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpSession session = request.getSession();
    Object saved = session.getAttribute(ConsoleAccessFilter.CONTINUE_ATTRIBUTE);
    session.removeAttribute(ConsoleAccessFilter.CONTINUE_ATTRIBUTE);
    request.changeSessionId(); // a session id known before the login is worth nothing after it
    session.setAttribute(SignedIn.ATTRIBUTE, new SignedIn(user.get().email(), user.get().role()));
    external.redirect(
        saved instanceof String url && url.startsWith(external.getRequestContextPath() + "/")
            ? url
            : external.getRequestContextPath() + ConsolePaths.DASHBOARD);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email == null ? null : email.trim();
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
