package io.herald.messaging.rest;

import io.herald.messaging.internal.Engagements;
import io.herald.messaging.internal.SubscriptionPages;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;

/**
 * Unsubscribing through a delivery (no credential: the delivery id is the capability):
 *
 * <ul>
 *   <li>{@code GET /unsubscribe/{delivery_id}}: the landing page the List-Unsubscribe link and
 *       Liquid's {@code {% unsubscribe_url %}} open: the subscription-preferences form when the
 *       workspace has topics ({@link PreferencesResource}), otherwise a confirm button;
 *   <li>{@code POST /unsubscribe/{delivery_id}} with a form body: the preferences form (it carries
 *       a {@code token}), or the confirm button and the RFC 8058 one-click POST mail clients send
 *       ({@code List-Unsubscribe=One-Click}), which unsubscribe from everything;
 *   <li>{@code POST /unsubscribe/{delivery_id}} with {@code {"unsubscribe": true}}: Customer.io's
 *       Track API call (customerio-node's {@code unsubscribe()}), answered {@code 200 {}}.
 * </ul>
 */
@Path("/unsubscribe/{delivery_id}")
@RequestScoped
public class UnsubscribeResource {

  @Inject Engagements engagements;

  @Inject SubscriptionPages pages;

  /** The preferences form, or the confirm page when the workspace has no topics. */
  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@PathParam("delivery_id") String deliveryId) {
    return page(pages, deliveryId);
  }

  /** The preferences form, the page's button and RFC 8058 one-click unsubscribes. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response form(
      @PathParam("delivery_id") String deliveryId, MultivaluedMap<String, String> form) {
    if (form != null && form.containsKey("token")) {
      return save(pages, deliveryId, form);
    }
    if (!engagements.unsubscribed(deliveryId)) {
      return UnsubscribePages.unknown();
    }
    return UnsubscribePages.html(
        Status.OK, "Unsubscribed", "<p>You are unsubscribed and will get no more emails.</p>");
  }

  /** The preferences form, or the confirm page when the workspace has no topics. */
  static Response page(SubscriptionPages pages, String deliveryId) {
    return pages
        .form(deliveryId)
        .map(
            form ->
                form.choices().isEmpty()
                    ? UnsubscribePages.confirm(form.recipient())
                    : UnsubscribePages.preferences(form))
        .orElseGet(UnsubscribePages::unknown);
  }

  /** Saves a submitted preferences form and answers the confirmation page. */
  static Response save(
      SubscriptionPages pages, String deliveryId, MultivaluedMap<String, String> form) {
    List<String> topics = form.get("topic");
    boolean all = "true".equals(form.getFirst("unsubscribe_all"));
    return switch (pages.save(
        deliveryId,
        form.getFirst("token"),
        topics == null ? java.util.Set.of() : new HashSet<>(topics),
        all)) {
      case SAVED -> UnsubscribePages.saved(all);
      case BAD_TOKEN -> UnsubscribePages.badToken();
      case UNKNOWN_DELIVERY -> UnsubscribePages.unknown();
    };
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
