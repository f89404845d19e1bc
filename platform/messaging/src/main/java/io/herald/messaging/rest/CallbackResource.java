package io.herald.messaging.rest;

import io.herald.messaging.internal.ProviderCallbacks;
import io.herald.messaging.internal.ProviderEvents;
import io.herald.plugin.api.InboundCallback;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provider callbacks ({@code POST /callbacks/{token}[/{sub-path}]}, and {@code GET} for providers'
 * verification handshakes; no API credential: the random token of a channel setting is the
 * capability). The request, with the absolute URL the provider called ({@code herald.public-url},
 * the path and the raw query; what providers such as Twilio sign) and the body (at most 1 MB), goes
 * to the setting's provider; the answer is the provider's status with {@code
 * {"events","applied","duplicates", "unknown"}} (plus {@code "message"}), or the provider's own
 * body where it gives one.
 */
@Path("/callbacks/{token}")
@RequestScoped
public class CallbackResource {

  static final int MAX_BODY_BYTES = 1024 * 1024;

  @Inject ProviderCallbacks callbacks;

  @Context HttpHeaders headers;

  @Context UriInfo uri;

  @Context HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "herald.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  /** A provider's verification handshake at the setting's URL (Meta's {@code hub.challenge}). */
  @GET
  @Produces(MediaType.WILDCARD)
  public Response get(@PathParam("token") String token) {
    return receive("GET", token, "", new byte[0]);
  }

  /** A verification handshake below the setting's URL. */
  @GET
  @Path("/{sub: .+}")
  @Produces(MediaType.WILDCARD)
  public Response getBelow(@PathParam("token") String token, @PathParam("sub") String sub) {
    return receive("GET", token, sub, new byte[0]);
  }

  /** A callback to the setting's URL itself. */
  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.WILDCARD)
  public Response post(@PathParam("token") String token, InputStream body) {
    return receive(token, "", body);
  }

  /** A callback below the setting's URL; the provider sees the rest of the path. */
  @POST
  @Path("/{sub: .+}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.WILDCARD)
  public Response postBelow(
      @PathParam("token") String token, @PathParam("sub") String sub, InputStream body) {
    return receive(token, sub, body);
  }

  private Response receive(String token, String subPath, InputStream in) {
    byte[] body;
    try {
      body = in == null ? new byte[0] : in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      return ApiErrors.app(Status.BAD_REQUEST, "the body could not be read");
    }
    if (body.length > MAX_BODY_BYTES) {
      return ApiErrors.app(Status.REQUEST_ENTITY_TOO_LARGE, "the body is over 1 MB");
    }
    return receive("POST", token, subPath, body);
  }

  private Response receive(String method, String token, String subPath, byte[] body) {
    String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    InboundCallback callback =
        new InboundCallback(
            method,
            subPath,
            Map.copyOf(headers.getRequestHeaders()),
            Map.copyOf(uri.getQueryParameters()),
            body,
            contentType,
            request == null ? "" : request.getRemoteAddr(),
            calledUrl(token, subPath));
    return callbacks
        .receive(token, callback)
        .map(CallbackResource::answer)
        .orElseGet(
            () -> ApiErrors.app(Status.NOT_FOUND, "no channel setting has this callback URL"));
  }

  /** {@code herald.public-url/callbacks/{token}[/{sub}][?raw query]}, as the provider called it. */
  private String calledUrl(String token, String subPath) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    StringBuilder url = new StringBuilder(base).append("/callbacks/").append(token);
    if (!subPath.isEmpty()) {
      url.append('/').append(subPath);
    }
    String query = uri.getRequestUri().getRawQuery();
    if (query != null) {
      url.append('?').append(query);
    }
    return url.toString();
  }

  private static Response answer(ProviderCallbacks.Answer a) {
    if (!a.contentType().isEmpty()) {
      return Response.status(a.status()).type(a.contentType()).entity(a.body()).build();
    }
    ProviderEvents.Applied applied = a.applied();
    JsonObjectBuilder json =
        Jsons.createObjectBuilder()
            .add("events", applied.events())
            .add("applied", applied.applied())
            .add("duplicates", applied.duplicates())
            .add("unknown", applied.unknown());
    if (!a.body().isEmpty()) {
      json.add("message", a.body());
    }
    return Response.status(a.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(json.build().toString())
        .build();
  }
}
