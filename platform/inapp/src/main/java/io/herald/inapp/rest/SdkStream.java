package io.herald.inapp.rest;

import io.herald.inapp.api.InAppMessage;
import io.herald.inapp.internal.DefaultInAppInbox;
import io.herald.inapp.internal.LongPolls;
import io.herald.workspace.api.WorkspaceId;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open event stream of a person ({@code GET /sdk/v1/inapp/stream}): each pending message is
 * sent once as an event {@code message} (id = the message id, data = the message's JSON), then the
 * stream waits for the next one like a long poll does. A comment every {@link #HEARTBEAT} keeps
 * proxies from closing it and notices a gone client; after {@link #LIFETIME} the stream ends and
 * the browser's EventSource reconnects (with a fresh authentication).
 */
final class SdkStream {

  static final Duration HEARTBEAT = Duration.ofSeconds(20);

  static final Duration LIFETIME = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(SdkStream.class.getName());

  private final WorkspaceId workspace;
  private final String cioId;
  private final SseEventSink sink;
  private final Sse sse;
  private final DefaultInAppInbox inbox;
  private final LongPolls polls;
  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private volatile LongPolls.Registration waiting;
  private volatile Future<?> heartbeat;
  private volatile Future<?> end;

  SdkStream(
      WorkspaceId workspace,
      String cioId,
      SseEventSink sink,
      Sse sse,
      DefaultInAppInbox inbox,
      LongPolls polls) {
    this.workspace = workspace;
    this.cioId = cioId;
    this.sink = sink;
    this.sse = sse;
    this.inbox = inbox;
    this.polls = polls;
  }

  /** Sends what is pending and starts waiting. */
  void start() {
    end = polls.later(this::close, LIFETIME);
    heartbeat = polls.later(this::beat, HEARTBEAT);
    push();
  }

  /** Sends the pending messages not sent yet, then waits for more. */
  private synchronized void push() {
    if (sink.isClosed()) {
      close();
      return;
    }
    try {
      List<InAppMessage> pending = inbox.pending(workspace, cioId);
      for (InAppMessage m : pending) {
        if (sent.add(m.deliveryId())) {
          sink.send(
              sse.newEventBuilder()
                  .name("message")
                  .id(m.deliveryId())
                  .mediaType(MediaType.APPLICATION_JSON_TYPE)
                  .data(String.class, SdkJson.message(m).toString())
                  .build());
        }
      }
      waiting = polls.await(workspace, cioId, this::push);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "an in-app event stream ended", e);
      close();
    }
  }

  private void beat() {
    if (sink.isClosed()) {
      close();
      return;
    }
    sink.send(sse.newEventBuilder().comment("keep-alive").build())
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                close();
              } else {
                heartbeat = polls.later(this::beat, HEARTBEAT);
              }
            });
  }

  private void close() {
    LongPolls.Registration w = waiting;
    if (w != null) {
      w.cancel();
    }
    Future<?> h = heartbeat;
    if (h != null) {
      h.cancel(false);
    }
    Future<?> e = end;
    if (e != null) {
      e.cancel(false);
    }
    try {
      sink.close();
    } catch (RuntimeException ignored) {
      // already gone
    }
  }
}
