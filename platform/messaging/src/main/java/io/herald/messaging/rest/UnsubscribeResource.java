package io.herald.messaging.rest;

import io.herald.messaging.internal.Engagements;
import io.herald.shared.rest.ApiErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;

/**
 * Unsubscribing through a delivery (no credential: the delivery id is the capability):
 *
 * <ul>
 *   <li>{@code GET /unsubscribe/{delivery_id}}: the landing page the List-Unsubscribe link and
 *       Liquid's unsubscribe link open, with a confirm button;
 *   <li>{@code POST /unsubscribe/{delivery_id}} with a form body: the page's button and the RFC
 *       8058 one-click POST mail clients send ({@code List-Unsubscribe=One-Click});
 *   <li>{@code POST /unsubscribe/{delivery_id}} with {@code {"unsubscribe": true}}: Customer.io's
 *       Track API call (customerio-node's {@code unsubscribe()}), answered {@code 200 {}}.
 * </ul>
 */
@Path("/unsubscribe/{delivery_id}")
@RequestScoped
public class UnsubscribeResource {

  @Inject Engagements engagements;

  /** The confirm page. */
  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@PathParam("delivery_id") String deliveryId) {
    return engagements
        .recipient(deliveryId)
        .map(
            recipient ->
                UnsubscribePages.html(
                    Status.OK,
                    "Unsubscribe",
                    "<p>Stop emails to <strong>"
                        + UnsubscribePages.escape(UnsubscribePages.mask(recipient))
                        + "</strong>?</p><form method=\"post\"><input type=\"hidden\""
                        + " name=\"List-Unsubscribe\" value=\"One-Click\"><button"
                        + " type=\"submit\">Unsubscribe</button></form>"))
        .orElseGet(UnsubscribePages::unknown);
  }

  /** The page's button and RFC 8058 one-click unsubscribes. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response form(@PathParam("delivery_id") String deliveryId) {
    if (!engagements.unsubscribed(deliveryId)) {
      return UnsubscribePages.unknown();
    }
    return UnsubscribePages.html(
        Status.OK, "Unsubscribed", "<p>You are unsubscribed and will get no more emails.</p>");
  }

  /** Customer.io's {@code POST /unsubscribe/{delivery_id}} with {@code {"unsubscribe": true}}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response json(@PathParam("delivery_id") String deliveryId, InputStream body) {
    JsonObject object;
    try {
      object = MessagingJson.object(body, 4096);
    } catch (MessagingJson.Refused e) {
      return e.response();
    }
    JsonValue flag = object.get("unsubscribe");
    if (flag != JsonValue.TRUE && flag != JsonValue.FALSE) {
      return ApiErrors.app(Status.BAD_REQUEST, "unsubscribe must be true or false");
    }
    if (flag == JsonValue.FALSE) {
      return engagements.exists(deliveryId)
          ? MessagingJson.ok(JsonValue.EMPTY_JSON_OBJECT)
          : ApiErrors.app(Status.NOT_FOUND, "delivery " + deliveryId + " not found");
    }
    return engagements.unsubscribed(deliveryId)
        ? MessagingJson.ok(JsonValue.EMPTY_JSON_OBJECT)
        : ApiErrors.app(Status.NOT_FOUND, "delivery " + deliveryId + " not found");
  }
}
