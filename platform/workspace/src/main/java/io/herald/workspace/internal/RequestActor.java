package io.herald.workspace.internal;

import io.herald.workspace.api.ApiPrincipal;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The caller of the current request, set once by the authentication filter. Kept as an attribute of
 * the servlet request (CDI's built-in {@link HttpServletRequest} is always the current one), so no
 * bean is created per request: on Payara creating a request-scoped bean runs the container's
 * resource injection, which cost a Track call about 5% of its CPU. The API filters reach the same
 * attribute through their {@link ContainerRequestContext}, whose properties are the servlet
 * request's attributes under Jersey's servlet container, without the CDI proxy's lookup of the
 * current request (2% of a Track identify's request thread in a profile of 2026-12-07).
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

  /** Records the authenticated caller of {@code request}, for this bean and the later filters. */
  public static void authenticate(ContainerRequestContext request, ApiPrincipal principal) {
    request.setProperty(PRINCIPAL, principal);
  }

  /** Whether an API filter authenticated the caller of {@code request}. */
  public static boolean authenticated(ContainerRequestContext request) {
    return request.getProperty(PRINCIPAL) instanceof ApiPrincipal;
  }

  /** The caller an API filter authenticated for {@code request}. */
  public static ApiPrincipal principal(ContainerRequestContext request) {
    if (request.getProperty(PRINCIPAL) instanceof ApiPrincipal principal) {
      return principal;
    }
    throw new IllegalStateException("request was not authenticated by an API filter");
  }

  @Override
  public ApiPrincipal principal() {
    if (request.getAttribute(PRINCIPAL) instanceof ApiPrincipal principal) {
      return principal;
    }
    throw new IllegalStateException("request was not authenticated by an API filter");
  }
}
