package io.herald.webadmin.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Turns on Jakarta Security's custom form mechanism for the console. Protected console URLs
 * redirect anonymous callers to the login page, which authenticates through {@link LoginPage}; the
 * workspace module's identity store checks the password and returns the role as the group. The
 * session remembers the caller until {@link ConsoleUser#logout()}.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = "/admin/login.xhtml",
            errorPage = "",
            useForwardToLogin = false))
@DeclareRoles({"admin", "editor", "viewer"})
@ApplicationScoped
public class ConsoleAuthentication {}
