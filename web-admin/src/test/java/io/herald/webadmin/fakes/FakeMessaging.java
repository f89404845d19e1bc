package io.herald.webadmin.fakes;

import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.OutboxEmail;
import io.herald.messaging.api.SendReceipt;
import io.herald.people.api.PersonRef;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A delivery log in a list (oldest first) that pages newest first as the real one does; records
 * sends and previews, and answers previews with what the test sets.
 */
public final class FakeMessaging implements MessageService {

  public final List<DeliveryView> deliveries = new ArrayList<>();
  public final List<EmailSend> sent = new ArrayList<>();
  public final List<Map<String, Object>> previewData = new ArrayList<>();
  public final List<PersonRef> previewPeople = new ArrayList<>();
  public EmailPreview preview = new EmailPreview("s", "", "", "<p>h</p>", "h", null);
  public final List<String> previewedLayouts = new ArrayList<>();

  /** Delivery ids that went through a dev-outbox setting, with their stored emails. */
  public final Map<String, OutboxEmail> outbox = new java.util.LinkedHashMap<>();

  /** Adds delivery {@code d<n>} as sent through the dev outbox with its parts. */
  public DeliveryView addOutbox(int n, String html, String text) {
    DeliveryView d = add(n, "cio" + n, null, "sent");
    outbox.put(d.deliveryId(), new OutboxEmail(d, "dev-outbox", "", "", html, text, html != null));
    return d;
  }

  /** Adds a delivery {@code d<n>} for person {@code cio} from message {@code messageId}. */
  public DeliveryView add(int n, String cio, Long messageId, String state) {
    DeliveryView d =
        new DeliveryView(
            "d" + n,
            "email",
            cio,
            messageId,
            "u@example.com",
            "Subject " + n,
            state,
            "failed".equals(state) ? "550 no such mailbox" : null,
            null,
            0,
            Map.of("created", Instant.ofEpochSecond(n)),
            Instant.ofEpochSecond(n));
    deliveries.add(d);
    return d;
  }

  @Override
  public SendReceipt sendEmail(WorkspaceId workspace, EmailSend send) {
    sent.add(send);
    return new SendReceipt("sent-" + sent.size(), Instant.EPOCH);
  }

  @Override
  public SendReceipt sendEmail(WorkspaceId workspace, EmailSend send, String idempotencyKey) {
    throw new AssertionError("the console never sends with an idempotency key");
  }

  @Override
  public io.herald.messaging.api.ChannelPreview previewChannel(
      WorkspaceId workspace,
      long transactionalId,
      io.herald.people.api.PersonRef person,
      Map<String, Object> messageData) {
    return new io.herald.messaging.api.ChannelPreview(
        "sms", "", "preview of " + transactionalId, "", Map.of(), null);
  }

  /** The channel sends made, in order. */
  public final List<io.herald.messaging.api.ChannelSend> channelSends = new ArrayList<>();

  @Override
  public SendReceipt send(
      WorkspaceId workspace, io.herald.messaging.api.ChannelSend send, String idempotencyKey) {
    throw new AssertionError("the console never sends with an idempotency key");
  }

  @Override
  public SendReceipt send(WorkspaceId workspace, io.herald.messaging.api.ChannelSend send) {
    channelSends.add(send);
    return new SendReceipt("channel-" + channelSends.size(), Instant.EPOCH);
  }

  @Override
  public List<io.herald.messaging.api.BulkSendResult> enqueueBulk(
      WorkspaceId workspace, List<EmailSend> sends) {
    List<io.herald.messaging.api.BulkSendResult> results = new ArrayList<>();
    for (EmailSend send : sends) {
      results.add(io.herald.messaging.api.BulkSendResult.queued(sendEmail(workspace, send)));
    }
    return results;
  }

  @Override
  public EmailPreview previewEmail(WorkspaceId workspace, EmailSend send) {
    previewPeople.add(send.identifiers());
    previewData.add(send.messageData());
    return preview;
  }

  @Override
  public EmailPreview previewEmail(
      WorkspaceId workspace,
      long transactionalId,
      PersonRef person,
      Map<String, Object> messageData) {
    previewPeople.add(person);
    previewData.add(messageData);
    return preview;
  }

  @Override
  public Optional<DeliveryView> delivery(WorkspaceId workspace, String deliveryId) {
    return deliveries.stream().filter(d -> d.deliveryId().equals(deliveryId)).findFirst();
  }

  /** The console reads no totals; the journeys module's tests cover them. */
  @Override
  public java.util.Map<String, Long> metricTotals(WorkspaceId workspace, String prefix) {
    return java.util.Map.of();
  }

  @Override
  public List<DeliveryView> deliveriesOf(
      WorkspaceId workspace, String cioId, String before, int limit) {
    return page(d -> cioId.equals(d.cioId()), before, limit);
  }

  @Override
  public List<DeliveryView> deliveriesOfMessage(
      WorkspaceId workspace, long transactionalId, String before, int limit) {
    return page(
        d -> d.transactionalId() != null && d.transactionalId() == transactionalId, before, limit);
  }

  @Override
  public EmailPreview previewLayout(WorkspaceId workspace, String html, PersonRef person) {
    previewedLayouts.add(html);
    previewPeople.add(person);
    return preview;
  }

  @Override
  public List<DeliveryView> outbox(WorkspaceId workspace, String before, int limit) {
    return page(d -> outbox.containsKey(d.deliveryId()), before, limit);
  }

  @Override
  public Optional<OutboxEmail> outboxEmail(WorkspaceId workspace, String deliveryId) {
    return Optional.ofNullable(outbox.get(deliveryId));
  }

  private List<DeliveryView> page(Predicate<DeliveryView> which, String before, int limit) {
    int end = deliveries.size();
    if (before != null) {
      end =
          deliveries.indexOf(
              delivery(OneWorkspace.ID, before)
                  .orElseThrow(() -> new NotFoundException("delivery " + before + " not found")));
    }
    List<DeliveryView> page = new ArrayList<>();
    for (int i = end - 1; i >= 0 && page.size() < limit; i--) {
      if (which.test(deliveries.get(i))) {
        page.add(deliveries.get(i));
      }
    }
    return page;
  }
}
