package io.herald.workspace.internal;

import io.herald.workspace.api.ApiPrincipal;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set once by the authentication filter. */
@RequestScoped
public class RequestActor implements CurrentActor {

  private ApiPrincipal principal;

  /** Records the authenticated caller. */
  public void authenticate(ApiPrincipal principal) {
    this.principal = principal;
  }

  /** Whether an API filter authenticated the caller. */
  public boolean authenticated() {
    return principal != null;
  }

  @Override
  public ApiPrincipal principal() {
    if (principal == null) {
      throw new IllegalStateException("request was not authenticated by an API filter");
    }
    return principal;
  }
}
