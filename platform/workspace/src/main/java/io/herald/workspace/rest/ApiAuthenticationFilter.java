package io.herald.workspace.rest;

import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.ApiPrincipal;
import io.herald.workspace.internal.ApiAuthenticator;
import io.herald.workspace.internal.RequestActor;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates every API request before resource matching, so an unknown path behind a family's
 * prefix still needs that family's credential (401 before 404, as Customer.io answers).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

  @Inject ApiAuthenticator authenticator;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    Optional<ApiFamily> family = ApiFamily.of(path);
    if (family.isEmpty()) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Optional<ApiPrincipal> principal =
        switch (family.get()) {
          case TRACK ->
              AuthorizationHeader.basic(header)
                  .flatMap(b -> authenticator.track(b.user(), b.password()));
          case APP -> AuthorizationHeader.bearer(header).flatMap(authenticator::app);
          case PIPELINES ->
              AuthorizationHeader.basic(header)
                  .map(AuthorizationHeader.Basic::user)
                  .or(() -> BodyWriteKey.of(request))
                  .flatMap(authenticator::pipelines);
        };
    if (principal.isPresent()) {
      RequestActor.authenticate(request, principal.get());
      return;
    }
    request.abortWith(unauthorized(family.get(), header == null));
  }

  private static Response unauthorized(ApiFamily family, boolean missing) {
    return switch (family) {
      case TRACK ->
          withChallenge(
              ApiErrors.trackV1(
                  Response.Status.UNAUTHORIZED,
                  List.of(
                      missing
                          ? "Authorization header missing: use HTTP Basic with site_id:api_key"
                          : "Unauthorized request: site_id and api_key do not match an active Track API key")),
              "Basic realm=\"Herald Track API\"");
      case APP ->
          withChallenge(
              ApiErrors.app(
                  Response.Status.UNAUTHORIZED,
                  missing
                      ? "Authorization header missing: use Bearer <app_api_key>"
                      : "Unauthorized request: the App API key is invalid or revoked"),
              "Bearer realm=\"Herald App API\"");
      case PIPELINES ->
          withChallenge(
              ApiErrors.pipelines(
                  Response.Status.UNAUTHORIZED,
                  "unauthorized",
                  missing
                      ? "no write key: use HTTP Basic with the write key as user name, or send"
                          + " \"writeKey\" in the body"
                      : "the write key is invalid or revoked"),
              "Basic realm=\"Herald Pipelines\"");
    };
  }

  private static Response withChallenge(Response response, String challenge) {
    return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
  }
}
