package io.herald.messaging.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sends messages and reads the delivery log. */
public interface MessageService {

  /**
   * Renders and queues one transactional email. A person who must not get it (suppressed,
   * unsubscribed, opted out of the message's topic) gets a {@code dropped} delivery with the
   * reason; a template that fails to render gets a {@code failed} one with the field, line and
   * variable. Either way the answer carries its id.
   *
   * @throws InvalidMessageException naming each bad field of the request
   * @throws NotFoundException when the transactional message does not exist
   */
  SendReceipt sendEmail(WorkspaceId workspace, EmailSend send);

  /**
   * Like {@link #sendEmail}, on the {@code bulk} lane, at most once per {@code idempotencyKey} in
   * the workspace: when a delivery was already queued with the key (by an earlier attempt, on any
   * node) its receipt is returned and nothing is sent again. For journeys, whose key is the run and
   * the step.
   *
   * @param idempotencyKey 1 to 100 characters
   * @throws InvalidMessageException naming each bad field of the request
   * @throws NotFoundException when the transactional message does not exist
   */
  SendReceipt sendEmail(WorkspaceId workspace, EmailSend send, String idempotencyKey);

  /**
   * Renders and queues one transactional SMS, push, WhatsApp or in-app message ({@link
   * ChannelSend#channel()}). As for email, a person who must not get it gets a {@code dropped}
   * delivery with the reason (also: the person turned the channel off, {@code
   * cio_subscription_preferences.channels}), a template that fails to render a {@code failed} one.
   * A push to {@code all} is one delivery per device of the person; the answer carries the first.
   *
   * @throws InvalidMessageException naming each bad field of the request (a phone number that is
   *     not E.164, a device token that is not the person's, a message of another channel)
   * @throws NotFoundException when the transactional message or the person does not exist
   */
  SendReceipt send(WorkspaceId workspace, ChannelSend send);

  /**
   * Like {@link #send(WorkspaceId, ChannelSend)}, on the {@code bulk} lane, at most once per {@code
   * idempotencyKey} in the workspace, as {@link #sendEmail(WorkspaceId, EmailSend, String)} does:
   * for journeys' SMS, push, WhatsApp and in-app steps.
   *
   * @param idempotencyKey 1 to 100 characters
   * @throws InvalidMessageException naming each bad field of the request
   * @throws NotFoundException when the transactional message or the person does not exist
   */
  SendReceipt send(WorkspaceId workspace, ChannelSend send, String idempotencyKey);

  /**
   * Checks, renders and queues many emails on the {@code bulk} lane (which never holds up
   * transactional sends), inserted group-committed: at most one database commit per 100 entries.
   * Each entry is checked as {@link #sendEmail} checks it; an entry that {@code sendEmail} would
   * refuse is reported at its index while the others are queued. For broadcasts, journeys and
   * {@code POST /v1/send/email/batch}.
   *
   * @return one result per entry, in entry order
   */
  List<BulkSendResult> enqueueBulk(WorkspaceId workspace, List<EmailSend> sends);

  /**
   * Renders a transactional message for a person without sending it.
   *
   * @param messageData the {@code trigger} variables
   * @throws NotFoundException when the message or the person does not exist
   */
  EmailPreview previewEmail(
      WorkspaceId workspace,
      long transactionalId,
      io.herald.people.api.PersonRef person,
      java.util.Map<String, Object> messageData);

  /**
   * Renders an email send for its person as {@link #sendEmail} would (a transactional message with
   * the send's overrides, or the send's inline content; its layout and snippets; {@code customer}
   * and {@code trigger} variables) without checking consent or queueing anything: what a journey
   * simulation shows.
   *
   * @throws NotFoundException when the message or the person does not exist
   * @throws InvalidMessageException when the message is not an email message
   */
  EmailPreview previewEmail(WorkspaceId workspace, EmailSend send);

  /**
   * Renders a transactional SMS, push, WhatsApp or in-app message for a person without sending it.
   *
   * @param messageData the {@code trigger} variables
   * @throws NotFoundException when the message or the person does not exist
   * @throws InvalidMessageException when the message is an email (use {@link #previewEmail})
   */
  ChannelPreview previewChannel(
      WorkspaceId workspace,
      long transactionalId,
      io.herald.people.api.PersonRef person,
      java.util.Map<String, Object> messageData);

  /** A delivery by its public id. */
  Optional<DeliveryView> delivery(WorkspaceId workspace, String deliveryId);

  /**
   * How many deliveries sent with an idempotency key starting with {@code idempotencyKeyPrefix}
   * have each metric (sent, delivered, opened, clicked, …): a journey's totals over every one of
   * its deliveries.
   *
   * @throws IllegalArgumentException for an empty prefix
   */
  Map<String, Long> metricTotals(WorkspaceId workspace, String idempotencyKeyPrefix);

  /**
   * The person's deliveries, newest first.
   *
   * @param before a delivery id to page after (older than it), null for the newest
   * @param limit at most this many
   */
  List<DeliveryView> deliveriesOf(WorkspaceId workspace, String cioId, String before, int limit);

  /**
   * The deliveries of a transactional message (its sends), newest first.
   *
   * @param transactionalId the message's id
   * @param before a delivery id to page after (older than it), null for the newest
   * @param limit at most this many
   * @throws NotFoundException when {@code before} names no delivery of the workspace
   */
  List<DeliveryView> deliveriesOfMessage(
      WorkspaceId workspace, long transactionalId, String before, int limit);

  /**
   * Renders a layout (saved or not) around a sample body, with the workspace's snippets, for the
   * console's live preview.
   *
   * @param html the layout's Liquid HTML
   * @param person whose {@code customer} variables to use, or null for none (then only {@code
   *     content} and {@code snippets} are defined)
   * @throws NotFoundException when the person does not exist
   */
  EmailPreview previewLayout(
      WorkspaceId workspace, String html, io.herald.people.api.PersonRef person);

  /**
   * The emails sent through the workspace's {@code dev-outbox} channel settings (the local mail
   * catcher), newest first.
   *
   * @param before a delivery id to page after (older than it), null for the newest
   * @param limit at most this many
   * @throws NotFoundException when {@code before} names no delivery of the workspace
   */
  List<DeliveryView> outbox(WorkspaceId workspace, String before, int limit);

  /**
   * One email of the dev outbox with its stored content; empty when the delivery did not go through
   * a {@code dev-outbox} setting.
   */
  Optional<OutboxEmail> outboxEmail(WorkspaceId workspace, String deliveryId);
}
