package io.herald.workspace.rest;

import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.internal.RequestActor;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@link RateLimits} to authenticated API calls (it runs after {@link
 * ApiAuthenticationFilter}): over the limit a call gets 429 in its family's error shape with {@code
 * Retry-After}; every limited call carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 10)
public class ApiRateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String DECISION = ApiRateLimitFilter.class.getName() + ".decision";

  @Inject RateLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<ApiFamily> family = ApiFamily.of(request.getUriInfo().getPath());
    if (family.isEmpty() || !RequestActor.authenticated(request)) {
      return;
    }
    RateLimits.Decision decision =
        limits.tryConsume(RequestActor.principal(request).workspaceId(), family.get().name());
    if (!decision.limited()) {
      return;
    }
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      String message =
          "rate limit of " + decision.limit() + " requests per second exceeded; retry later";
      Response error =
          switch (family.get()) {
            case TRACK -> ApiErrors.trackV1(Response.Status.TOO_MANY_REQUESTS, List.of(message));
            case APP -> ApiErrors.app(Response.Status.TOO_MANY_REQUESTS, message);
            case PIPELINES ->
                ApiErrors.pipelines(Response.Status.TOO_MANY_REQUESTS, "rate_limited", message);
          };
      request.abortWith(
          Response.fromResponse(error).header("Retry-After", decision.resetSeconds()).build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimits.Decision decision) {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      headers.putSingle("RateLimit-Limit", decision.limit());
      headers.putSingle("RateLimit-Remaining", decision.remaining());
      headers.putSingle("RateLimit-Reset", decision.resetSeconds());
    }
  }
}
