package io.herald.webadmin.security;

import io.herald.webadmin.ConsolePaths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The login form: hands email and password to Jakarta Security. */
@Named
@RequestScoped
public class LoginPage {

  static final String WRONG_LOGIN = "Wrong email or password";

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject ExternalContext external;

  private String email;
  private String password;

  /**
   * Authenticates. On success the mechanism redirects to the page that asked for the login (or this
   * bean sends the caller to the dashboard); on failure the form shows an error.
   */
  public void login() throws IOException {
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            // Not newAuthentication(true): Soteria would leave a "caller initiated" marker in the
            // session after a failed attempt, and protected pages would then answer an empty 200
            // instead of redirecting to this page.
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(email, password)));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS -> external.redirect(external.getRequestContextPath() + ConsolePaths.DASHBOARD);
      default -> {
        password = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, WRONG_LOGIN, null));
      }
    }
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
