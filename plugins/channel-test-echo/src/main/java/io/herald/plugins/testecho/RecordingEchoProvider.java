package io.herald.plugins.testecho;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Accepts every message ({@code accepted(prefix + key, {"status": 202, "recipient": …})}) except to
 * the recipients configured as invalid ({@code invalidRecipient}), and keeps the last 1,000
 * messages it was given. Its callback URL (header {@code X-Echo-Token} = the {@code token} setting,
 * else 401) answers:
 *
 * <ul>
 *   <li>{@code GET …/sent}: the recorded messages as JSON, oldest first: {@code
 *       {"messages":[{"idempotency_key","channel","recipient","subject","body","from","metadata",
 *       "payload"}]}};
 *   <li>{@code POST
 *       …/events?kind=UNSUBSCRIBED|RESUBSCRIBED|REPLIED|DELIVERED|FAILED&from=&text=&id=}: one
 *       {@link DeliveryEvent} of that kind ({@code from} is the sender or recipient, {@code id} the
 *       provider message id, {@code text} the reply text or detail).
 * </ul>
 */
final class RecordingEchoProvider implements ChannelProvider {

  private static final int KEEP = 1000;

  private final String prefix;
  private final Set<String> invalid;
  private final String token;
  private final ChannelPluginContext context;
  private final Deque<OutboundMessage> sent = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  RecordingEchoProvider(
      String prefix, Set<String> invalid, String token, ChannelPluginContext context) {
    this.prefix = prefix;
    this.invalid = invalid;
    this.token = token;
    this.context = context;
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (closed.get()) {
      return DeliveryResult.permanent("provider is closed");
    }
    synchronized (sent) {
      sent.addLast(message);
      while (sent.size() > KEEP) {
        sent.removeFirst();
      }
    }
    context
        .logger()
        .log(Level.DEBUG, "echo {0} send: {1}", message.channel(), message.idempotencyKey());
    if (invalid.contains(message.recipient())) {
      return DeliveryResult.invalidRecipient("echo: recipient is configured as invalid");
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", 202);
    response.put("recipient", message.recipient());
    return DeliveryResult.accepted(prefix + message.idempotencyKey(), response);
  }

  @Override
  public CallbackResult handleCallback(InboundCallback callback) {
    String given = callback.header("X-Echo-Token").orElse("");
    if (!MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      return CallbackResult.rejected(401, "X-Echo-Token is missing or wrong");
    }
    if ("GET".equals(callback.method()) && "sent".equals(callback.subPath())) {
      List<OutboundMessage> copy;
      synchronized (sent) {
        copy = List.copyOf(sent);
      }
      StringBuilder json = new StringBuilder("{\"messages\":[");
      for (int i = 0; i < copy.size(); i++) {
        OutboundMessage m = copy.get(i);
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("idempotency_key", m.idempotencyKey());
        one.put("channel", m.channel().name());
        one.put("recipient", m.recipient());
        one.put("subject", m.subject());
        one.put("body", m.body());
        one.put("from", m.from());
        one.put("metadata", m.metadata());
        one.put("payload", m.payload());
        if (i > 0) {
          json.append(',');
        }
        MiniJson.write(one, json);
      }
      return new CallbackResult(200, "application/json", json.append("]}").toString(), List.of());
    }
    if ("POST".equals(callback.method()) && "events".equals(callback.subPath())) {
      String kind = callback.queryParameter("kind").orElse("");
      String from = callback.queryParameter("from").orElse("");
      String text = callback.queryParameter("text").orElse("");
      String id = callback.queryParameter("id").orElse("");
      var at = context.clock().instant();
      DeliveryEvent event;
      switch (kind) {
        case "UNSUBSCRIBED" -> event = DeliveryEvent.unsubscribed(from, text, at);
        case "RESUBSCRIBED" -> event = DeliveryEvent.resubscribed(from, text, at);
        case "REPLIED" -> event = DeliveryEvent.replied(id, from, text, at);
        case "DELIVERED" -> event = DeliveryEvent.delivered(id, from, at);
        case "OPENED" -> event = DeliveryEvent.opened(id, from, at);
        case "FAILED" -> event = DeliveryEvent.failed(id, from, text, at);
        default -> {
          return CallbackResult.rejected(400, "kind must be an event kind the echo knows");
        }
      }
      return CallbackResult.accepted(List.of(event));
    }
    return CallbackResult.notHandled();
  }

  @Override
  public ProviderHealth health() {
    return closed.get() ? ProviderHealth.down("closed") : ProviderHealth.up("recording echo");
  }

  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "RecordingEchoProvider[prefix=" + prefix + "]";
  }
}
