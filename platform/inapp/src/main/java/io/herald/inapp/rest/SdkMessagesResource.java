package io.herald.inapp.rest;

import io.herald.inapp.api.InAppMessage;
import io.herald.inapp.internal.DefaultInAppInbox;
import io.herald.inapp.internal.DefaultSdkTokens;
import io.herald.inapp.internal.LongPolls;
import io.herald.inapp.internal.SdkEvents;
import io.herald.inapp.internal.SiteDirectory;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The in-app SDK's calls, authenticated by the site id and the person's signed token ({@link
 * SdkCaller}); browsers may call them from other origins ({@link SdkCors}).
 *
 * <ul>
 *   <li>{@code GET /sdk/v1/inapp/messages?wait=25}: the person's pending messages at once, or, when
 *       there are none, as soon as one is queued within {@code wait} seconds (long poll; 0 to 25,
 *       default 25); {@code {"messages":[]}} when none came.
 *   <li>{@code GET /sdk/v1/inapp/stream}: the same as Server-Sent Events.
 *   <li>{@code POST /sdk/v1/inapp/messages/{id}/events} {@code {"event":"opened|clicked|dismissed",
 *       "url":…}}: the message's new state.
 * </ul>
 */
@Path("/sdk/v1/inapp")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SdkMessagesResource {

  /** Longest wait of a long poll, in seconds. */
  static final int MAX_WAIT_SECONDS = 25;

  static final int MAX_EVENT_BYTES = 4 * 1024;

  @Inject SiteDirectory sites;

  @Inject DefaultSdkTokens tokens;

  @Inject DefaultInAppInbox inbox;

  @Inject LongPolls polls;

  @Inject SdkEvents events;

  @GET
  @Path("/messages")
  public void messages(
      @Context HttpHeaders headers,
      @QueryParam("site_id") String siteId,
      @QueryParam("token") String token,
      @QueryParam("wait") String waitText,
      @Suspended AsyncResponse async) {
    SdkCaller caller;
    try {
      caller = SdkCaller.of(headers, siteId, token, sites, tokens);
    } catch (SdkCaller.Unauthorized e) {
      async.resume(e.response());
      return;
    }
    int wait = MAX_WAIT_SECONDS;
    if (waitText != null) {
      wait = seconds(waitText);
      if (wait < 0) {
        async.resume(
            ApiErrors.app(
                Status.BAD_REQUEST, "wait must be an integer from 0 to " + MAX_WAIT_SECONDS));
        return;
      }
    }
    DefaultInAppInbox queue = inbox;
    WorkspaceId workspace = caller.workspace();
    String cioId = caller.cioId();
    List<InAppMessage> now = queue.pending(workspace, cioId);
    if (!now.isEmpty() || wait == 0) {
      async.resume(SdkJson.ok(SdkJson.messages(now)));
      return;
    }
    // The timeout first: a waiter may answer (on another thread) as soon as it is registered.
    async.setTimeoutHandler(r -> r.resume(SdkJson.ok(SdkJson.messages(List.of()))));
    async.setTimeout(wait, TimeUnit.SECONDS);
    LongPolls.Registration waiting =
        polls.await(
            workspace,
            cioId,
            () -> async.resume(SdkJson.ok(SdkJson.messages(queue.pending(workspace, cioId)))));
    // However the request ends (answered, timed out, failed), it stops waiting.
    async.register((jakarta.ws.rs.container.CompletionCallback) failure -> waiting.cancel());
  }

  /**
   * The person's messages as Server-Sent Events (for {@code EventSource}, which sends no headers:
   * {@code ?site_id=…&token=…}): every pending message once as an event {@code message}, then each
   * new one as it is queued; the stream ends after five minutes and the client reconnects.
   */
  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(
      @Context HttpHeaders headers,
      @QueryParam("site_id") String siteId,
      @QueryParam("token") String token,
      @Context SseEventSink sink,
      @Context Sse sse) {
    SdkCaller caller;
    try {
      caller = SdkCaller.of(headers, siteId, token, sites, tokens);
    } catch (SdkCaller.Unauthorized e) {
      throw new WebApplicationException(e.response());
    }
    new SdkStream(caller.workspace(), caller.cioId(), sink, sse, inbox, polls).start();
  }

  @POST
  @Path("/messages/{id}/events")
  @Consumes(MediaType.WILDCARD)
  public Response event(
      @Context HttpHeaders headers,
      @QueryParam("site_id") String siteId,
      @QueryParam("token") String token,
      @PathParam("id") String id,
      InputStream body) {
    try {
      SdkCaller caller = SdkCaller.of(headers, siteId, token, sites, tokens);
      JsonObject json = SdkJson.object(body, MAX_EVENT_BYTES);
      String event = SdkJson.string(json, "event");
      String url = SdkJson.string(json, "url");
      if (event == null) {
        return ApiErrors.app(Status.BAD_REQUEST, "event is required");
      }
      String state = events.record(caller.workspace(), caller.cioId(), id, event, url);
      return SdkJson.ok(Jsons.createObjectBuilder().add("id", id).add("state", state).build());
    } catch (SdkCaller.Unauthorized e) {
      return e.response();
    } catch (SdkJson.Refused e) {
      return e.response();
    } catch (SdkEvents.Refused e) {
      return ApiErrors.app(e.notFound() ? Status.NOT_FOUND : Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** 0 to {@link #MAX_WAIT_SECONDS}, else -1. */
  private static int seconds(String text) {
    try {
      int value = Integer.parseInt(text);
      return value > MAX_WAIT_SECONDS ? -1 : value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
