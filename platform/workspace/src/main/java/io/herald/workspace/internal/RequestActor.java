package io.herald.workspace.internal;

import io.herald.workspace.api.ApiPrincipal;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller of the current request, set once by the authentication filter. Kept as an attribute of
 * the servlet request (CDI's built-in {@link HttpServletRequest} is always the current one), so no
 * bean is created per request: on Payara creating a request-scoped bean runs the container's
 * resource injection, which cost a Track call about 5% of its CPU.
 */
@ApplicationScoped
public class RequestActor implements CurrentActor {

  static final String PRINCIPAL = RequestActor.class.getName() + ".principal";

  private final HttpServletRequest request;

  /** For CDI's proxy. */
  protected RequestActor() {
    this.request = null;
  }

  @Inject
  RequestActor(HttpServletRequest request) {
    this.request = request;
  }

  /** Records the authenticated caller. */
  public void authenticate(ApiPrincipal principal) {
    request.setAttribute(PRINCIPAL, principal);
  }

  /** Whether an API filter authenticated the caller. */
  public boolean authenticated() {
    return request.getAttribute(PRINCIPAL) instanceof ApiPrincipal;
  }

  @Override
  public ApiPrincipal principal() {
    if (request.getAttribute(PRINCIPAL) instanceof ApiPrincipal principal) {
      return principal;
    }
    throw new IllegalStateException("request was not authenticated by an API filter");
  }
}
