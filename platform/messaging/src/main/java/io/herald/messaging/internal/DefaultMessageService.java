package io.herald.messaging.internal;

import io.herald.messaging.api.BulkSendResult;
import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.OutboxEmail;
import io.herald.messaging.api.SendReceipt;
import io.herald.messaging.api.TransactionalView;
import io.herald.messaging.api.Transactionals;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.PostConstruct;
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
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Transactional sends: prepared ({@link SendPreparer}: find or create the person, check whether the
 * address is suppressed and whether they may get the message, render it), then the delivery queued
 * (the sending loop hands it to the channel's plugin). Every outcome is a delivery in the log, so
 * the API's answer always carries an id the admin can look up.
 */
@ApplicationScoped
public class DefaultMessageService implements MessageService {

  static final String LANE_TRANSACTIONAL = "transactional";

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject PeopleService people;

  @Inject Transactionals transactionals;

  @Inject EmailComposer composer;

  @Inject StoredContent content;

  @Inject MessagingWorkers workers;

  @Inject Clock clock;

  @Inject DeliveryWriter writer;

  @Inject SendPreparer preparer;

  @Inject MessagingSettings settings;

  @Inject ChannelSendPreparer channelPreparer;

  /**
   * Bulk batches checked and rendered at once on this node; 0 (the default) for one fewer than the
   * cores, at least one. The other callers wait (asleep) for their turn.
   */
  @Inject
  @ConfigProperty(name = "herald.messaging.enqueue.bulk-renderers", defaultValue = "0")
  int bulkRenderers;

  private Semaphore bulkGate;

  @Inject TransactionalTraffic traffic;

  @PostConstruct
  void start() {
    int permits =
        bulkRenderers > 0
            ? bulkRenderers
            : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    bulkGate = new Semaphore(permits, true);
  }

  @Override
  public SendReceipt send(WorkspaceId workspace, io.herald.messaging.api.ChannelSend send) {
    return queue(channelPreparer.prepare(workspace, send));
  }

  @Override
  public SendReceipt sendEmail(WorkspaceId workspace, EmailSend send) {
    return queue(preparer.prepare(workspace, send, preparer.direct(workspace)));
  }

  /**
   * Inserts a transactional send's deliveries, group-committed (concurrent sends share one commit;
   * this returns once they are committed). Those due now are written claimed by this node and
   * handed straight to its sending loop when it has room ({@link Handoff}): no claim through the
   * database between the API call and the provider.
   */
  private SendReceipt queue(PreparedSend prepared) {
    int sendable = prepared.sendable();
    Handoff handoff = workers.handoff();
    if (sendable > 0 && handoff.reserve(sendable)) {
      Instant leaseUntil = clock.instant().plusSeconds(settings.leaseSeconds());
      PreparedSend claimed = prepared.claimedUntil(leaseUntil);
      List<Long> keys;
      try {
        keys = writer.insert(claimed.rows());
      } catch (RuntimeException e) {
        handoff.release(sendable);
        throw e;
      }
      handoff.offer(claimed.claimed(keys), leaseUntil);
      workers.wake(LANE_TRANSACTIONAL);
      return claimed.receipt();
    }
    writer.insert(prepared.rows());
    if (prepared.dueNow()) {
      workers.wake(LANE_TRANSACTIONAL);
    }
    return prepared.receipt();
  }

  @Override
  public SendReceipt sendEmail(WorkspaceId workspace, EmailSend send, String idempotencyKey) {
    checkKey(idempotencyKey);
    Optional<SendReceipt> earlier = sentWith(workspace, idempotencyKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    return insertKeyed(
        workspace, preparer.prepare(workspace, send, preparer.direct(workspace)), idempotencyKey);
  }

  @Override
  public SendReceipt send(
      WorkspaceId workspace, io.herald.messaging.api.ChannelSend send, String idempotencyKey) {
    checkKey(idempotencyKey);
    Optional<SendReceipt> earlier = sentWith(workspace, idempotencyKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    return insertKeyed(workspace, channelPreparer.prepare(workspace, send), idempotencyKey);
  }

  private static void checkKey(String idempotencyKey) {
    if (idempotencyKey == null
        || idempotencyKey.isEmpty()
        || idempotencyKey.length() > IdempotentSends.MAX_KEY_CHARS) {
      throw new IllegalArgumentException("idempotency key must be 1 to 100 characters");
    }
  }

  /**
   * Queues a keyed send's rows on the bulk lane in one commit, the key on the first row (a push to
   * every device is several rows, all in that commit); a concurrent attempt with the same key that
   * committed first wins, and its receipt is the answer.
   */
  private SendReceipt insertKeyed(WorkspaceId workspace, PreparedSend prepared, String key) {
    PreparedSend bulk = prepared.onLane(BulkSends.LANE_BULK);
    try {
      writer.insert(IdempotentSends.keyed(bulk.rows(), key));
    } catch (RuntimeException e) {
      // Another attempt with the same key committed first: the unique index refused this one.
      return sentWith(workspace, key).orElseThrow(() -> e);
    }
    if (bulk.dueNow()) {
      workers.wake(BulkSends.LANE_BULK);
    }
    return bulk.receipt();
  }

  private Optional<SendReceipt> sentWith(WorkspaceId workspace, String key) {
    return Transactions.autoCommit(
        dataSource, "messaging", c -> IdempotentSends.find(c, workspace.value(), key));
  }

  @Override
  public List<BulkSendResult> enqueueBulk(WorkspaceId workspace, List<EmailSend> sends) {
    // On the caller's thread: rendering a batch at the lowest priority (a thread of its own) made
    // it wait long for a core, and the connections it took queued transactional sends behind it
    // (bench/send, T7 during bulk: p50 59 -> 21 ms, p99 950 -> 580 ms, medians of three runs).
    // The message, its layout and snippets, the people and their suppressions: once per batch,
    // read when the batch's turn to render comes. At most bulk-renderers batches render at once,
    // so that bulk batches never take every core.
    long yieldNanos = settings.bulkYieldNanos();
    return BulkSends.enqueue(
        sends,
        () -> {
          SendLookups lookups = preparer.bulk(workspace, sends);
          return send -> preparer.prepare(workspace, send, lookups);
        },
        () -> traffic.yieldTo(yieldNanos),
        bulkGate,
        writer,
        workers);
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
        content.template(workspace, SendPreparer.partsOf(message), message.content().layoutId()),
        SendPreparer.variables(person, messageData));
  }

  @Override
  public EmailPreview previewEmail(WorkspaceId workspace, EmailSend send) {
    return preparer.preview(workspace, send);
  }

  @Inject ChannelComposer channelComposer;

  @Override
  public io.herald.messaging.api.ChannelPreview previewChannel(
      WorkspaceId workspace, long transactionalId, PersonRef ref, Map<String, Object> messageData) {
    TransactionalView message =
        transactionals
            .find(workspace, Long.toString(transactionalId))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "transactional message " + transactionalId + " not found"));
    if (message.content().email()) {
      throw new io.herald.messaging.api.InvalidMessageException(
          List.of("transactional message " + transactionalId + " is an email message"));
    }
    PersonView person =
        people
            .find(workspace, ref)
            .orElseThrow(() -> new NotFoundException("person " + ref.value() + " not found"));
    String channel = message.content().channel();
    try {
      ChannelComposed c =
          channelComposer.compose(
              channel,
              message.content().channelContent(),
              null,
              SendPreparer.variables(person, messageData),
              content.snippetsOf(workspace, message.content().channelContent(), null));
      return new io.herald.messaging.api.ChannelPreview(
          channel, c.subject(), c.body(), c.from(), c.payload(), null);
    } catch (ChannelComposer.RenderFailure e) {
      return new io.herald.messaging.api.ChannelPreview(channel, "", "", "", null, e.error());
    }
  }

  @Override
  public EmailPreview previewLayout(WorkspaceId workspace, String html, PersonRef ref) {
    Map<String, Object> vars = Map.of();
    if (ref != null) {
      PersonView person =
          people
              .find(workspace, ref)
              .orElseThrow(() -> new NotFoundException("person " + ref.value() + " not found"));
      vars = SendPreparer.variables(person, null);
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

  @Override
  public Optional<DeliveryView> delivery(WorkspaceId workspace, String deliveryId) {
    return Transactions.autoCommit(
        dataSource, "messaging", c -> DeliveryStore.find(c, workspace.value(), deliveryId));
  }

  @Override
  public Map<String, Long> metricTotals(WorkspaceId workspace, String idempotencyKeyPrefix) {
    if (idempotencyKeyPrefix == null || idempotencyKeyPrefix.isEmpty()) {
      throw new IllegalArgumentException("an idempotency key prefix is required");
    }
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c -> DeliveryTotals.byKeyPrefix(c, workspace.value(), idempotencyKeyPrefix));
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
