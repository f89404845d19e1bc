package io.herald.messaging.internal;

import io.herald.messaging.api.BulkSendResult;
import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.OutboxEmail;
import io.herald.messaging.api.SendReceipt;
import io.herald.messaging.api.SubscriptionTopics;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.TopicView;
import io.herald.messaging.api.TransactionalView;
import io.herald.messaging.api.Transactionals;
import io.herald.messaging.internal.render.RenderVariables;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.crypto.Tokens;
import io.herald.shared.json.JsonJava;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Transactional sends: find or create the person, check whether the address is suppressed and
 * whether they may get the message, render it, and queue the delivery (the sending loop hands it to
 * the channel's plugin). Every outcome is a delivery in the log, so the API's answer always carries
 * an id the admin can look up.
 */
@ApplicationScoped
public class DefaultMessageService implements MessageService {

  static final String LANE_TRANSACTIONAL = "transactional";

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject PeopleService people;

  @Inject Transactionals transactionals;

  @Inject SubscriptionTopics topics;

  @Inject EmailComposer composer;

  @Inject StoredContent content;

  @Inject MessagingWorkers workers;

  @Inject Clock clock;

  @Inject DeliveryWriter writer;

  @Override
  public SendReceipt sendEmail(WorkspaceId workspace, EmailSend send) {
    PreparedSend prepared = prepare(workspace, send);
    // Group-committed: concurrent sends share one commit; this returns once the row is committed.
    writer.insert(prepared.rows());
    if (prepared.dueNow()) {
      workers.wake(LANE_TRANSACTIONAL);
    }
    return prepared.receipt();
  }

  @Override
  public List<BulkSendResult> enqueueBulk(WorkspaceId workspace, List<EmailSend> sends) {
    return BulkSends.enqueue(sends, send -> prepare(workspace, send), writer, workers);
  }

  /**
   * Checks and renders a send into the delivery to insert (on lane {@code transactional}).
   *
   * @throws InvalidMessageException naming each bad field
   * @throws NotFoundException when the message or the person does not exist
   */
  PreparedSend prepare(WorkspaceId workspace, EmailSend send) {
    EmailParts parts;
    Long layoutId = null;
    Long transactionalId = null;
    String topic = null;
    boolean sendToUnsubscribed = true;
    if (send.transactionalMessageId() != null) {
      TransactionalView message =
          transactionals
              .find(workspace, send.transactionalMessageId())
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "transactional message " + send.transactionalMessageId() + " not found"));
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
    Optional<PersonView> found = people.findOrCreate(workspace, send.identifiers());
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
    Optional<SuppressionView> suppressed =
        Transactions.autoCommit(
            dataSource,
            "messaging",
            c -> SuppressionStore.find(c, workspace.value(), "email", recipient));
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
    String notSubscribed = topic == null ? null : topicRefusal(workspace, person, topic);
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
              content.template(workspace, parts, layoutId),
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
            content == null ? null : content.toJson());
    List<DeliveryWriter.Row> rows = new java.util.ArrayList<>();
    rows.add(new DeliveryWriter.Row(delivery, now));
    if (content != null && send.fakeBcc()) {
      String copyJson = content.fakeBccCopy().toJson();
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
                    copyJson),
                now));
      }
    }
    return new PreparedSend(rows, new SendReceipt(deliveryId, now));
  }

  /**
   * Why the person does not get a message of {@code topic}, null when they do. A topic deleted
   * since the message named it no longer has a default: only an explicit false stops the send.
   */
  private String topicRefusal(WorkspaceId workspace, PersonView person, String topic) {
    Optional<TopicView> found = topics.resolve(workspace, topic);
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

  @Override
  public EmailPreview previewEmail(
      WorkspaceId workspace, long transactionalId, PersonRef ref, Map<String, Object> messageData) {
    TransactionalView message =
        transactionals
            .find(workspace, Long.toString(transactionalId))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "transactional message " + transactionalId + " not found"));
    PersonView person =
        people
            .find(workspace, ref)
            .orElseThrow(() -> new NotFoundException("person " + ref.value() + " not found"));
    return composer.preview(
        content.template(workspace, partsOf(message), message.content().layoutId()),
        variables(person, messageData));
  }

  @Override
  public EmailPreview previewLayout(WorkspaceId workspace, String html, PersonRef ref) {
    Map<String, Object> vars = Map.of();
    if (ref != null) {
      PersonView person =
          people
              .find(workspace, ref)
              .orElseThrow(() -> new NotFoundException("person " + ref.value() + " not found"));
      vars = variables(person, null);
    }
    return composer.previewLayout(html, content.snippetsOf(workspace, html), vars);
  }

  @Override
  public List<DeliveryView> outbox(WorkspaceId workspace, String before, int limit) {
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c -> DeliveryStore.ofOutbox(c, workspace.value(), beforePk(c, workspace, before), limit));
  }

  @Override
  public Optional<OutboxEmail> outboxEmail(WorkspaceId workspace, String deliveryId) {
    return Transactions.autoCommit(
            dataSource,
            "messaging",
            c -> DeliveryStore.outboxContent(c, workspace.value(), deliveryId))
        .map(
            row -> {
              if (row.content() == null) {
                return new OutboxEmail(row.view(), row.setting(), "", "", "", "", false);
              }
              Composed composed = Composed.fromJson(row.content());
              return new OutboxEmail(
                  row.view(),
                  row.setting(),
                  composed.from(),
                  composed.replyTo(),
                  composed.html(),
                  composed.text(),
                  true);
            });
  }

  private static EmailParts partsOf(TransactionalView message) {
    return new EmailParts(
        message.content().from(),
        message.content().replyTo(),
        message.content().subject(),
        message.content().preheader(),
        message.content().body(),
        message.content().bodyPlain());
  }

  @Override
  public Optional<DeliveryView> delivery(WorkspaceId workspace, String deliveryId) {
    return Transactions.autoCommit(
        dataSource, "messaging", c -> DeliveryStore.find(c, workspace.value(), deliveryId));
  }

  @Override
  public List<DeliveryView> deliveriesOf(
      WorkspaceId workspace, String cioId, String before, int limit) {
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c ->
            DeliveryStore.ofPerson(
                c, workspace.value(), cioId, beforePk(c, workspace, before), limit));
  }

  @Override
  public List<DeliveryView> deliveriesOfMessage(
      WorkspaceId workspace, long transactionalId, String before, int limit) {
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c ->
            DeliveryStore.ofMessage(
                c, workspace.value(), transactionalId, beforePk(c, workspace, before), limit));
  }

  private static Long beforePk(Connection c, WorkspaceId workspace, String before)
      throws SQLException {
    if (before == null || before.isBlank()) {
      return null;
    }
    return DeliveryStore.pk(c, workspace.value(), before)
        .orElseThrow(() -> new NotFoundException("delivery " + before + " not found"));
  }
}
