package io.herald.messaging.internal;

import static io.herald.messaging.internal.DefaultMessageService.LANE_TRANSACTIONAL;

import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SendReceipt;
import io.herald.messaging.api.SubscriptionTopics;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.TopicView;
import io.herald.messaging.api.TransactionalView;
import io.herald.messaging.api.Transactionals;
import io.herald.messaging.internal.render.RenderVariables;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonView;
import io.herald.shared.crypto.Tokens;
import io.herald.shared.json.JsonJava;
import io.herald.shared.persistence.DataSources;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Checks and renders a send into the deliveries to insert: find or create the person, check whether
 * the address is suppressed and whether they may get the message, render it. What it looks up goes
 * through {@link SendLookups}: one at a time for a transactional send, once per batch for the
 * entries of a bulk send ({@link BulkLookups}).
 */
@ApplicationScoped
public class SendPreparer {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject PeopleService people;

  @Inject Transactionals transactionals;

  @Inject SubscriptionTopics topics;

  @Inject EmailComposer composer;

  @Inject StoredContent content;

  @Inject Clock clock;

  /** Lookups for one send. */
  SendLookups.Direct direct(WorkspaceId workspace) {
    return new SendLookups.Direct(workspace, dataSource, people, transactionals, topics, content);
  }

  /** Lookups shared by a batch's entries, with the batch's people and suppressions read ahead. */
  SendLookups bulk(WorkspaceId workspace, List<EmailSend> sends) {
    return BulkLookups.readAhead(direct(workspace), sends);
  }

  /**
   * Checks and renders a send into the delivery to insert (on lane {@code transactional}).
   *
   * @throws InvalidMessageException naming each bad field
   * @throws NotFoundException when the message or the person does not exist
   */
  PreparedSend prepare(WorkspaceId workspace, EmailSend send, SendLookups lookups) {
    EmailParts parts;
    Long layoutId = null;
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
      if (!message.content().email()) {
        throw new InvalidMessageException(
            List.of(
                "transactional_message_id "
                    + send.transactionalMessageId()
                    + " is a "
                    + message.content().channel()
                    + " message; send it with POST /v1/send/"
                    + message.content().channel()));
      }
      transactionalId = message.id();
      layoutId = message.content().layoutId();
      topic = message.content().topicId();
      sendToUnsubscribed = message.content().sendToUnsubscribed();
      parts =
          partsOf(message)
              .with(
                  send.from(),
                  send.replyTo(),
                  send.subject(),
                  send.preheader(),
                  send.body(),
                  send.bodyPlain());
    } else {
      parts =
          new EmailParts(
              send.from(),
              send.replyTo(),
              send.subject(),
              send.preheader(),
              send.body(),
              send.bodyPlain());
    }
    if (send.sendToUnsubscribed() != null) {
      sendToUnsubscribed = send.sendToUnsubscribed();
    }

    Instant now = clock.instant();
    String deliveryId = Tokens.randomAlphanumeric(28);
    Optional<PersonView> found = lookups.person(send.identifiers());
    if (found.isEmpty()) {
      if (!people.suppressed(workspace, send.identifiers())) {
        throw new NotFoundException(
            "identifiers."
                + send.identifiers().type().name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + send.identifiers().value()
                + " not found");
      }
      String recipient =
          send.to() != null
              ? send.to()
              : send.identifiers().type() == IdType.EMAIL ? send.identifiers().value() : "";
      return record(
          deliveryId,
          workspace,
          null,
          transactionalId,
          recipient,
          null,
          "dropped",
          "suppressed",
          null,
          send,
          now);
    }
    PersonView person = found.get();
    String recipient = send.to() != null ? send.to() : person.email();
    if (recipient == null || recipient.isBlank()) {
      throw new InvalidMessageException(
          List.of("to is required: the person " + person.cioId() + " has no email"));
    }
    // Before consent: a suppressed address is dropped even for send_to_unsubscribed messages.
    Optional<SuppressionView> suppressed = lookups.suppression(recipient);
    if (suppressed.isPresent()) {
      return record(
          deliveryId,
          workspace,
          person.cioId(),
          transactionalId,
          recipient,
          null,
          "dropped",
          suppressed.get().describe(),
          null,
          send,
          now);
    }
    if (person.unsubscribed() && !sendToUnsubscribed) {
      return record(
          deliveryId,
          workspace,
          person.cioId(),
          transactionalId,
          recipient,
          null,
          "dropped",
          "unsubscribed",
          null,
          send,
          now);
    }
    String notSubscribed = topic == null ? null : topicRefusal(lookups, person, topic);
    if (notSubscribed != null) {
      return record(
          deliveryId,
          workspace,
          person.cioId(),
          transactionalId,
          recipient,
          null,
          "dropped",
          notSubscribed,
          null,
          send,
          now);
    }
    Composed composed;
    try {
      composed =
          composer.compose(
              lookups.template(parts, layoutId),
              variables(person, send.messageData()),
              send,
              deliveryId);
    } catch (EmailComposer.RenderFailure e) {
      return record(
          deliveryId,
          workspace,
          person.cioId(),
          transactionalId,
          recipient,
          null,
          "failed",
          e.getMessage(),
          null,
          send,
          now);
    }
    return record(
        deliveryId,
        workspace,
        person.cioId(),
        transactionalId,
        recipient,
        composed.subject(),
        send.queueDraft() ? "draft" : "queued",
        null,
        composed,
        send,
        now);
  }

  /**
   * Renders a send for its person as {@link #prepare} would, without the address, suppression and
   * consent checks (a preview).
   *
   * @throws InvalidMessageException when the message is not an email message
   * @throws NotFoundException when the message or the person does not exist
   */
  EmailPreview preview(WorkspaceId workspace, EmailSend send) {
    SendLookups lookups = direct(workspace);
    EmailParts parts =
        new EmailParts(
            send.from(),
            send.replyTo(),
            send.subject(),
            send.preheader(),
            send.body(),
            send.bodyPlain());
    Long layoutId = null;
    if (send.transactionalMessageId() != null) {
      TransactionalView message =
          lookups
              .message(send.transactionalMessageId())
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "transactional message " + send.transactionalMessageId() + " not found"));
      if (!message.content().email()) {
        throw new InvalidMessageException(
            List.of(
                "transactional message "
                    + send.transactionalMessageId()
                    + " is a "
                    + message.content().channel()
                    + " message"));
      }
      layoutId = message.content().layoutId();
      parts =
          partsOf(message)
              .with(
                  send.from(),
                  send.replyTo(),
                  send.subject(),
                  send.preheader(),
                  send.body(),
                  send.bodyPlain());
    }
    PersonView person =
        lookups
            .person(send.identifiers())
            .orElseThrow(
                () -> new NotFoundException("person " + send.identifiers().value() + " not found"));
    return composer.preview(
        lookups.template(parts, layoutId), variables(person, send.messageData()));
  }

  private PreparedSend record(
      String deliveryId,
      WorkspaceId workspace,
      String cioId,
      Long transactionalId,
      String recipient,
      String subject,
      String state,
      String reason,
      Composed content,
      EmailSend send,
      Instant now) {
    Instant due = "queued".equals(state) ? (send.sendAt() == null ? now : send.sendAt()) : null;
    DeliveryStore.NewDelivery delivery =
        new DeliveryStore.NewDelivery(
            deliveryId,
            workspace.value(),
            cioId,
            "email",
            LANE_TRANSACTIONAL,
            transactionalId,
            recipient,
            subject,
            state,
            reason,
            due,
            !send.disableMessageRetention(),
            content == null ? null : content.stored());
    List<DeliveryWriter.Row> rows = new java.util.ArrayList<>();
    rows.add(new DeliveryWriter.Row(delivery, now));
    if (content != null && send.fakeBcc()) {
      StoredBody copy = content.fakeBccCopy().stored();
      for (String address : send.bcc()) {
        rows.add(
            new DeliveryWriter.Row(
                new DeliveryStore.NewDelivery(
                    Tokens.randomAlphanumeric(28),
                    workspace.value(),
                    null,
                    "email",
                    LANE_TRANSACTIONAL,
                    transactionalId,
                    address,
                    subject,
                    state,
                    null,
                    due,
                    !send.disableMessageRetention(),
                    copy),
                now));
      }
    }
    return new PreparedSend(rows, new SendReceipt(deliveryId, now));
  }

  /**
   * Why the person does not get a message of {@code topic}, null when they do. A topic deleted
   * since the message named it no longer has a default: only an explicit false stops the send.
   */
  private static String topicRefusal(SendLookups lookups, PersonView person, String topic) {
    Optional<TopicView> found = lookups.topic(topic);
    boolean byDefault = found.map(t -> t.content().subscribedByDefault()).orElse(true);
    if (TopicRules.subscribed(person.attributes(), topic, byDefault)) {
      return null;
    }
    return TopicRules.choice(person.attributes(), topic).isPresent()
        ? "unsubscribed from topic " + topic
        : "not subscribed to opt-in topic " + topic;
  }

  /** Liquid's {@code customer} (attributes with id, email, cio_id) and {@code trigger}. */
  static Map<String, Object> variables(PersonView person, Map<String, Object> messageData) {
    return RenderVariables.builder()
        .customer(person.id(), person.email(), person.cioId(), JsonJava.toMap(person.attributes()))
        .trigger(messageData)
        .build()
        .asMap();
  }

  static EmailParts partsOf(TransactionalView message) {
    return new EmailParts(
        message.content().from(),
        message.content().replyTo(),
        message.content().subject(),
        message.content().preheader(),
        message.content().body(),
        message.content().bodyPlain());
  }
}
