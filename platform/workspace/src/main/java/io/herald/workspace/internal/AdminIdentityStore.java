package io.herald.workspace.internal;

import io.herald.workspace.api.AdminUserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Checks admin console logins against the admin users (Jakarta Security identity store). */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

  @Inject AdminUserService users;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return users
        .verify(login.getCaller(), login.getPassword().getValue())
        .map(u -> new CredentialValidationResult(u.email(), Set.of(u.role().roleName())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
