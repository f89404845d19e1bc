package io.herald.messaging.rest;

import io.herald.messaging.internal.SubscriptionPages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/**
 * The hosted subscription-preferences page of a delivery ({@code {%
 * manage_subscription_preferences_url %}}; no credential, the delivery id is the capability): the
 * workspace's topics as checkboxes plus "unsubscribe from all". A POST must carry the form's token
 * (an HMAC of the delivery id), so another site cannot change someone's preferences.
 */
@Path("/preferences/{delivery_id}")
@RequestScoped
public class PreferencesResource {

  @Inject SubscriptionPages pages;

  /** The form; without topics, a page that offers unsubscribing from everything. */
  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@PathParam("delivery_id") String deliveryId) {
    return UnsubscribeResource.page(pages, deliveryId);
  }

  /** Saves the form (a POST without a token is refused; use /unsubscribe for one-click). */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response save(
      @PathParam("delivery_id") String deliveryId, MultivaluedMap<String, String> form) {
    if (form == null || !form.containsKey("token")) {
      return UnsubscribePages.html(
          Status.BAD_REQUEST, "Form not valid", "<p>The form is incomplete.</p>");
    }
    return UnsubscribeResource.save(pages, deliveryId, form);
  }
}
