package io.herald.messaging.rest;

import io.herald.messaging.internal.Engagements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Base64;

/**
 * The tracking links in messages (no credential; each link carries its own signature): {@code GET
 * /t/o/{delivery}/{signature}.gif} answers a transparent pixel and records the open; {@code GET
 * /t/c/{delivery}/{signature}?u=…} records the click and redirects to {@code u}, but only when the
 * signature was made for that URL.
 */
@Path("/t")
@ApplicationScoped
public class TrackingResource {

  private static final byte[] PIXEL =
      Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  @Inject Engagements engagements;

  /** The open pixel; always the image, whether or not the link was valid. */
  @GET
  @Path("/o/{delivery}/{signature}.gif")
  public Response open(
      @PathParam("delivery") String delivery, @PathParam("signature") String signature) {
    engagements.opened(delivery, signature);
    CacheControl noCache = new CacheControl();
    noCache.setNoCache(true);
    noCache.setNoStore(true);
    return Response.ok(PIXEL, "image/gif").cacheControl(noCache).build();
  }

  /** A tracked link: 302 to its URL, or 404 when the link was not made by Herald. */
  @GET
  @Path("/c/{delivery}/{signature}")
  public Response click(
      @PathParam("delivery") String delivery,
      @PathParam("signature") String signature,
      @QueryParam("u") String url) {
    return engagements
        .clicked(delivery, url, signature)
        .map(target -> Response.status(Response.Status.FOUND).location(URI.create(target)).build())
        .orElseGet(
            () ->
                Response.status(Response.Status.NOT_FOUND)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("This link is not valid.")
                    .build());
  }
}
