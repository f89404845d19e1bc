package io.herald.workspace.rest;

import io.herald.shared.rest.ApiErrors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An unexpected failure of an API call answers 500 in the call's API family error shape (clients
 * parse every answer as JSON), with an error id that is also in the server log; the exception
 * itself is never shown to the caller. JAX-RS's own answers (404, 405, 415…) pass through.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof WebApplicationException web) {
      return web.getResponse();
    }
    String id = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "API call failed, error id " + id, error);
    String message = "internal error " + id + "; the server log has the details";
    return switch (ApiFamily.of(uri.getPath()).orElse(ApiFamily.APP)) {
      case TRACK -> ApiErrors.trackV1(Response.Status.INTERNAL_SERVER_ERROR, List.of(message));
      case APP -> ApiErrors.app(Response.Status.INTERNAL_SERVER_ERROR, message);
      case PIPELINES ->
          ApiErrors.pipelines(Response.Status.INTERNAL_SERVER_ERROR, "internal_error", message);
    };
  }
}
