package io.herald.messaging.internal;

import static io.herald.messaging.internal.DefaultMessageService.LANE_TRANSACTIONAL;

import io.herald.messaging.api.ChannelFields;
import io.herald.messaging.api.ChannelSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SendReceipt;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.TopicView;
import io.herald.messaging.api.TransactionalView;
import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.PersonView;
import io.herald.shared.crypto.Tokens;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and renders a send of a channel other than email ({@link ChannelSend}) into the deliveries
 * to insert: the saved message (which must be of the send's channel) with the send's fields over
 * it, the person found or created, the recipients (SMS and WhatsApp: {@code to} or the person's
 * {@code phone} attribute, E.164; push: the person's devices by {@code to}; in-app: the person),
 * then per recipient the checks email has (suppressed address, unsubscribed person, topic) and the
 * channel preference ({@link ChannelPreferences}), each refusal a {@code dropped} delivery with the
 * reason, and the rendering ({@link ChannelComposer}; a Liquid error is a {@code failed} delivery).
 */
@ApplicationScoped
public class ChannelSendPreparer {

  /** The delivery log's recipient column holds this many characters. */
  private static final int MAX_ADDRESS = 998;

  @Inject SendPreparer email;

  @Inject ChannelComposer composer;

  @Inject ChannelRecipients channelRecipients;

  @Inject StoredContent stored;

  @Inject io.herald.people.api.PeopleService people;

  @Inject Clock clock;

  /**
   * Checks and renders a send.
   *
   * @throws InvalidMessageException naming each bad field
   * @throws NotFoundException when the message or the person does not exist
   */
  PreparedSend prepare(WorkspaceId workspace, ChannelSend send) {
    String channel = send.channel();
    if (!ChannelFields.CHANNELS.contains(channel)) {
      throw new InvalidMessageException(
          List.of("channel must be one of " + String.join(", ", ChannelFields.CHANNELS)));
    }
    SendLookups.Direct lookups = email.direct(workspace);
    Map<String, Object> content = new LinkedHashMap<>();
    Long transactionalId = null;
    String topic = null;
    boolean sendToUnsubscribed = true;
    if (send.transactionalMessageId() != null) {
      TransactionalView message =
          lookups
              .message(send.transactionalMessageId())
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "transactional message " + send.transactionalMessageId() + " not found"));
      if (!channel.equals(message.content().channel())) {
        throw new InvalidMessageException(
            List.of(
                "transactional_message_id "
                    + send.transactionalMessageId()
                    + " is a "
                    + message.content().channel()
                    + " message, not "
                    + channel));
      }
      transactionalId = message.id();
      topic = message.content().topicId();
      sendToUnsubscribed = message.content().sendToUnsubscribed();
      content.putAll(message.content().channelContent());
    }
    content.putAll(send.content());
    List<String> problems = ChannelFields.problems(channel, content);
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(
          send.transactionalMessageId() == null
              ? problems.stream().map(p -> p + " (no transactional_message_id names one)").toList()
              : problems);
    }
    if (send.sendToUnsubscribed() != null) {
      sendToUnsubscribed = send.sendToUnsubscribed();
    }

    Instant now = clock.instant();
    if ("push".equals(channel) && send.customDevice() != null) {
      addDevice(workspace, send);
    }
    Optional<PersonView> found = lookups.person(send.identifiers());
    Rows rows = new Rows(workspace, channel, transactionalId, send, now);
    if (found.isEmpty()) {
      if (!people.suppressed(workspace, send.identifiers())) {
        throw new NotFoundException(
            "identifiers."
                + send.identifiers().type().name().toLowerCase(Locale.ROOT)
                + " "
                + send.identifiers().value()
                + " not found");
      }
      rows.add(null, send.to() == null ? "" : send.to(), null, "dropped", "suppressed");
      return rows.prepared();
    }
    PersonView person = found.get();
    if (ChannelFields.ADDRESSED.contains(channel)) {
      return addressed(workspace, rows, person, content, send);
    }
    List<ChannelRecipients.Recipient> recipients =
        channelRecipients.of(workspace, channel, send, person);
    if (recipients.isEmpty()) {
      rows.add(person.cioId(), "", null, "dropped", "the person has no push device");
      return rows.prepared();
    }
    String refusal = refusal(lookups, channel, person, sendToUnsubscribed, topic);
    Map<String, Object> variables = SendPreparer.variables(person, send.messageData());
    ChannelComposed composed = null;
    String failure = null;
    if (refusal == null) {
      try {
        composed =
            composer.compose(
                channel,
                content,
                send.from(),
                variables,
                stored.snippetsOf(workspace, content, send.from()));
      } catch (ChannelComposer.RenderFailure e) {
        failure = e.getMessage();
      }
    }
    for (ChannelRecipients.Recipient r : recipients) {
      Optional<SuppressionView> suppressed = suppression(lookups, workspace, channel, r.address());
      if (suppressed.isPresent()) {
        rows.add(person.cioId(), r.address(), null, "dropped", suppressed.get().describe());
      } else if (refusal != null) {
        rows.add(person.cioId(), r.address(), null, "dropped", refusal);
      } else if (failure != null) {
        rows.add(person.cioId(), r.address(), null, "failed", failure);
      } else {
        ChannelComposed own =
            r.platform() == null ? composed : composed.withPayload("platform", r.platform());
        rows.add(person.cioId(), r.address(), own, send.queueDraft() ? "draft" : "queued", null);
      }
    }
    return rows.prepared();
  }

  /**
   * A webhook call or a Slack message about the person: its recipient is in the content, and it
   * goes to a system rather than to the person, so their subscriptions and suppressions do not
   * apply.
   */
  private PreparedSend addressed(
      WorkspaceId workspace,
      Rows rows,
      PersonView person,
      Map<String, Object> content,
      ChannelSend send) {
    String channel = send.channel();
    Map<String, Object> variables = SendPreparer.variables(person, send.messageData());
    try {
      String address =
          send.to() != null ? send.to().trim() : composer.address(channel, content, variables);
      if (address.length() > MAX_ADDRESS) {
        rows.add(
            person.cioId(),
            address.substring(0, MAX_ADDRESS),
            null,
            "failed",
            ("webhook".equals(channel) ? "url" : "slack_channel")
                + " renders to "
                + address.length()
                + " characters; at most "
                + MAX_ADDRESS);
        return rows.prepared();
      }
      ChannelComposed composed =
          composer.compose(
              channel, content, null, variables, stored.snippetsOf(workspace, content, null));
      rows.add(person.cioId(), address, composed, send.queueDraft() ? "draft" : "queued", null);
    } catch (ChannelComposer.RenderFailure e) {
      Object raw =
          send.to() != null
              ? send.to()
              : content.get("webhook".equals(channel) ? "url" : "slack_channel");
      rows.add(person.cioId(), raw == null ? "" : raw.toString(), null, "failed", e.getMessage());
    }
    return rows.prepared();
  }

  private void addDevice(WorkspaceId workspace, ChannelSend send) {
    try {
      people.addDevice(workspace, send.identifiers(), send.customDevice());
    } catch (InvalidPersonDataException e) {
      throw new InvalidMessageException(List.of("custom_device: " + e.getMessage()));
    }
  }

  /** Why the person does not get the message at all, null when they do. */
  private static String refusal(
      SendLookups lookups,
      String channel,
      PersonView person,
      boolean sendToUnsubscribed,
      String topic) {
    if (ChannelPreferences.optedOut(person.attributes(), channel)) {
      return "unsubscribed from " + channel;
    }
    if (person.unsubscribed() && !sendToUnsubscribed) {
      return "unsubscribed";
    }
    if (topic == null) {
      return null;
    }
    Optional<TopicView> found = lookups.topic(topic);
    boolean byDefault = found.map(t -> t.content().subscribedByDefault()).orElse(true);
    if (TopicRules.subscribed(person.attributes(), topic, byDefault)) {
      return null;
    }
    return TopicRules.choice(person.attributes(), topic).isPresent()
        ? "unsubscribed from topic " + topic
        : "not subscribed to opt-in topic " + topic;
  }

  private static Optional<SuppressionView> suppression(
      SendLookups.Direct lookups, WorkspaceId workspace, String channel, String address) {
    return Transactions.autoCommit(
        lookups.dataSource(),
        "messaging",
        c -> SuppressionStore.find(c, workspace.value(), channel, address));
  }

  /** The deliveries of one send; the first answers it. */
  private static final class Rows {
    private final WorkspaceId workspace;
    private final String channel;
    private final Long transactionalId;
    private final ChannelSend send;
    private final Instant now;
    private final List<DeliveryWriter.Row> rows = new ArrayList<>();

    Rows(
        WorkspaceId workspace,
        String channel,
        Long transactionalId,
        ChannelSend send,
        Instant now) {
      this.workspace = workspace;
      this.channel = channel;
      this.transactionalId = transactionalId;
      this.send = send;
      this.now = now;
    }

    void add(String cioId, String recipient, ChannelComposed content, String state, String reason) {
      Instant due = "queued".equals(state) ? (send.sendAt() == null ? now : send.sendAt()) : null;
      rows.add(
          new DeliveryWriter.Row(
              new DeliveryStore.NewDelivery(
                  Tokens.randomAlphanumeric(28),
                  workspace.value(),
                  cioId,
                  channel,
                  LANE_TRANSACTIONAL,
                  transactionalId,
                  recipient,
                  content == null || content.subject().isEmpty() ? null : content.subject(),
                  state,
                  reason,
                  due,
                  !send.disableMessageRetention(),
                  content == null ? null : content.stored()),
              now));
    }

    PreparedSend prepared() {
      return new PreparedSend(rows, new SendReceipt(rows.get(0).delivery().deliveryId(), now));
    }
  }
}
