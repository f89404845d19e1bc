package io.herald.messaging.rest;

import io.herald.messaging.internal.SubscriptionPages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /v/{delivery_id}/{signature}}: the delivery's HTML as it was sent ({@code {%
 * view_in_browser_url %}}; no credential, the signed link is the capability). 404 for a wrong
 * signature, an unknown delivery, or a send with {@code disable_message_retention}. The page is
 * sandboxed (no scripts, no forms, its own origin) because it is message content, not Herald's.
 */
@Path("/v/{delivery_id}/{signature}")
@RequestScoped
public class ViewInBrowserResource {

  /** Images and styles load as in a mail client; scripts, frames and forms do not. */
  static final String POLICY =
      "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation;"
          + " default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline' https:"
          + " http:; font-src https: http: data:";

  @Inject SubscriptionPages pages;

  @GET
  public Response view(
      @PathParam("delivery_id") String deliveryId, @PathParam("signature") String signature) {
    return pages
        .browserView(deliveryId, signature)
        .map(
            html ->
                Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Security-Policy", POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "private, no-store")
                    .build())
        .orElseGet(
            () ->
                UnsubscribePages.html(
                    Response.Status.NOT_FOUND,
                    "Not available",
                    "<p>This message is not available in the browser.</p>"));
  }
}
