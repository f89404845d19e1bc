package io.herald.messaging.internal;

import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.internal.OutcomeRecorder.Outcome;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The sending loop: claim a batch of due deliveries, hand each to its channel's provider, and
 * record the outcomes ({@link OutcomeRecorder}) in the transaction that claims the next batch (one
 * commit per batch, the {@code received} engagements of first sends included). A node that stops
 * mid-batch leaves its deliveries in {@code sending} until their lease runs out; another node then
 * sends them again with the same idempotency key (the delivery id, which the email plugin turns
 * into the same Message-ID). A delivery whose address was suppressed after it was queued is dropped
 * instead of sent; a delivery sent for the first time becomes the person's {@code received}
 * engagement.
 */
@ApplicationScoped
public class DeliverySender {

  private static final Logger LOG = Logger.getLogger(DeliverySender.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

  /** The transactional lane's connections (shared with requests). */
  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  /**
   * The bulk lane's connections, a pool of its own: its loops run at the lowest thread priority
   * ({@link BulkThreads}), and a request never waits on a pool lock such a thread holds.
   */
  @Resource(lookup = DataSources.BULK)
  DataSource bulkDataSource;

  @Inject ProviderRegistry providers;

  @Inject MessagingSettings settings;

  @Inject Clock clock;

  /** Handed sends count as transactional traffic; injection replaces this one (tests keep it). */
  @Inject TransactionalTraffic traffic = new TransactionalTraffic();

  /** The node's send buckets; package-private so tests can give it a manual clock. */
  SendLimiter limiter = new SendLimiter(io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME);

  /** Rate-limit waits up to this long are slept through; longer ones requeue the delivery. */
  private static final Duration SLEEP_AT_MOST = Duration.ofSeconds(1);

  @Inject Engagements engagements;

  /** Forgets push devices a provider reports gone ({@code DeliveryResult.InvalidRecipient}). */
  @Inject InvalidRecipients invalidRecipients;

  /**
   * What one transaction of a loop claimed: the batch and the suppressions of its recipients (by
   * delivery pk).
   */
  private record Turn(List<DeliveryQueue.Claimed> claimed, Map<Long, SuppressionView> suppressed) {}

  /**
   * A lane's sending loop. Each step records the outcomes of the previous batch and claims the next
   * one in one transaction (one commit per batch instead of two), then sends the batch. The
   * outcomes of the last batch are recorded by the step that finds nothing more to claim, or by
   * {@link #finish}. Not thread-safe: one per sending thread.
   */
  public final class Loop {

    private final String lane;
    private final Handoff handoff;
    private final OutcomeRecorder outcomes;
    private final DataSource dataSource;
    private List<Outcome> pending = List.of();

    private Loop(String lane, Handoff handoff) {
      this.lane = lane;
      this.handoff = handoff;
      this.dataSource =
          MessagingWorkers.BULK.equals(lane) ? bulkDataSource : DeliverySender.this.dataSource;
      this.outcomes = new OutcomeRecorder(settings, engagements);
    }

    /**
     * Records the previous batch's outcomes, claims the next batch and sends it; true when it found
     * work. If the shared transaction fails, the outcomes are recorded on their own before the
     * failure is thrown; if that fails too, their deliveries stay {@code sending} until their lease
     * runs out and are then sent again with the same idempotency key.
     */
    public boolean step() {
      if (MessagingWorkers.BULK.equals(lane)) {
        traffic.yieldTo(settings.bulkYieldNanos());
      }
      List<Outcome> previous = pending;
      pending = List.of();
      Instant now = clock.instant();
      List<DeliveryQueue.Claimed> handed =
          handoff == null
              ? List.of()
              : handoff.take(
                  settings.batchSize(lane), now.plusSeconds(settings.leaseSeconds() * 3L / 4));
      if (!handed.isEmpty()) {
        // Written claimed by the requests that queued them (their addresses checked for
        // suppressions just before): no claim. Sent first, then recorded with the previous
        // batch's outcomes in one commit, so a handed send never waits for an earlier batch's
        // commit (under load a commit took tens of ms: bench/send T7).
        List<Outcome> sent;
        traffic.enter();
        try {
          sent = sendAll(handed, Map.of(), stopSending(now), false);
        } finally {
          traffic.exit();
        }
        List<Outcome> all = new ArrayList<>(previous.size() + sent.size());
        all.addAll(previous);
        all.addAll(sent);
        recordAlone(all, clock.instant());
        return true;
      }
      if (!Transactions.autoCommit(
          dataSource, "messaging", c -> DeliveryQueue.anyDue(c, lane, now))) {
        // Nothing to claim: the previous batch's outcomes alone (one commit, no claim queries);
        // idle, no transaction at all.
        if (!previous.isEmpty()) {
          outcomes.recordAlone(dataSource, previous, now);
        }
        return false;
      }
      Turn turn;
      try {
        turn =
            Transactions.inTransaction(
                dataSource,
                "messaging",
                c -> {
                  outcomes.record(c, previous, now);
                  List<DeliveryQueue.Claimed> claimed =
                      DeliveryQueue.claim(
                          c,
                          lane,
                          now,
                          now.plusSeconds(settings.leaseSeconds()),
                          settings.batchSize(lane));
                  return new Turn(claimed, suppressions(c, claimed));
                });
      } catch (RuntimeException e) {
        if (!previous.isEmpty()) {
          LOG.log(Level.WARNING, "claiming the next batch failed; recording outcomes alone", e);
          outcomes.recordAlone(dataSource, previous, now);
        }
        throw e;
      }
      if (turn.claimed().isEmpty()) {
        return false;
      }
      pending =
          sendAll(
              turn.claimed(),
              turn.suppressed(),
              stopSending(now),
              MessagingWorkers.BULK.equals(lane));
      return true;
    }

    /**
     * Records outcomes in their own transaction; if that fails, their deliveries stay {@code
     * sending} until their lease runs out and are then sent again with the same idempotency key.
     */
    private void recordAlone(List<Outcome> previous, Instant now) {
      try {
        outcomes.recordAlone(dataSource, previous, now);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "recording a batch's outcomes failed; their leases will resend", e);
      }
    }

    /** Records the outcomes of the last batch, if any are still unrecorded (one commit). */
    public void finish() {
      if (pending.isEmpty()) {
        return;
      }
      List<Outcome> last = pending;
      pending = List.of();
      outcomes.recordAlone(dataSource, last, clock.instant());
    }
  }

  /**
   * A sending loop for a lane.
   *
   * @param lane {@code transactional} or {@code bulk}
   */
  public Loop loop(String lane) {
    return new Loop(lane, null);
  }

  /**
   * A sending loop for a lane that sends what {@code handoff} holds before it claims.
   *
   * @param lane {@code transactional} or {@code bulk}
   * @param handoff deliveries written claimed by this node's requests, or null for none
   */
  Loop loop(String lane, Handoff handoff) {
    return new Loop(lane, handoff);
  }

  /**
   * When a batch taken at {@code now} stops being sent: half a lease later. What is left then goes
   * back to the queue unsent, so a slow provider never keeps a delivery past its lease (when
   * another node may claim and send it too). Handed deliveries have at least three quarters of a
   * lease left when taken.
   */
  private Instant stopSending(Instant now) {
    return now.plusSeconds(settings.leaseSeconds() / 2);
  }

  /**
   * Sends a batch; {@code yielding} (the bulk lane), each send first waits for the transactional
   * sends being handled on this node (at most {@code bulk-yield-millis}): the loop's thread runs at
   * the lowest priority, but what it sends costs others CPU at theirs (the database's statements, a
   * local relay).
   */
  private List<Outcome> sendAll(
      List<DeliveryQueue.Claimed> claimed,
      Map<Long, SuppressionView> suppressed,
      Instant stop,
      boolean yielding) {
    List<Outcome> outcomes = new ArrayList<>(claimed.size());
    long yieldNanos = yielding ? settings.bulkYieldNanos() : 0;
    for (DeliveryQueue.Claimed d : claimed) {
      traffic.yieldTo(yieldNanos);
      outcomes.add(
          clock.instant().isAfter(stop) ? Outcome.unsent(d) : send(d, suppressed.get(d.pk())));
    }
    return outcomes;
  }

  /**
   * Sends one batch of a lane and records its outcomes (two commits); true when it found work.
   *
   * @param lane {@code transactional} or {@code bulk}
   */
  public boolean step(String lane) {
    Loop loop = loop(lane);
    boolean found = loop.step();
    loop.finish();
    return found;
  }

  /**
   * The suppressions of a claimed batch's recipients, read with the claim (one query per workspace
   * and channel instead of one per delivery): an address suppressed after its delivery was queued
   * is dropped, unless the suppression comes while its batch is being sent.
   */
  private static Map<Long, SuppressionView> suppressions(
      java.sql.Connection c, List<DeliveryQueue.Claimed> claimed) throws java.sql.SQLException {
    Map<List<Object>, List<DeliveryQueue.Claimed>> groups = new LinkedHashMap<>();
    for (DeliveryQueue.Claimed d : claimed) {
      groups.computeIfAbsent(List.of(d.workspaceId(), d.channel()), k -> new ArrayList<>()).add(d);
    }
    Map<Long, SuppressionView> byPk = new HashMap<>();
    for (List<DeliveryQueue.Claimed> group : groups.values()) {
      DeliveryQueue.Claimed first = group.get(0);
      List<String> recipients = new ArrayList<>(group.size());
      group.forEach(d -> recipients.add(d.recipient() == null ? "" : d.recipient()));
      Map<String, SuppressionView> found =
          SuppressionStore.findAll(c, first.workspaceId(), first.channel(), recipients);
      if (found.isEmpty()) {
        continue;
      }
      for (DeliveryQueue.Claimed d : group) {
        List<String> key =
            SuppressionStore.normalisedKeys(first.channel(), List.of(recipients.get(0)));
        recipients.remove(0);
        if (!key.isEmpty() && found.containsKey(key.get(0))) {
          byPk.put(d.pk(), found.get(key.get(0)));
        }
      }
    }
    return byPk;
  }

  private Outcome send(DeliveryQueue.Claimed d, SuppressionView suppressed) {
    if (suppressed != null) {
      return new Outcome(d, null, null, suppressed.describe());
    }
    if (d.content() == null) {
      return new Outcome(d, null, DeliveryResult.permanent("the message content was not kept"));
    }
    Optional<ProviderRegistry.Resolved> provider;
    try {
      provider = providers.resolve(d.workspaceId(), d.channel(), d.channelSetting());
    } catch (InvalidConfigException e) {
      return new Outcome(
          d,
          d.channelSetting(),
          DeliveryResult.retryable(
              "the " + d.channel() + " channel's settings are refused: " + e.getMessage(),
              Duration.ofMinutes(5)));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "creating the " + d.channel() + " provider failed", e);
      return new Outcome(
          d,
          d.channelSetting(),
          DeliveryResult.retryable(
              "the " + d.channel() + " provider could not be created", Duration.ofMinutes(1)));
    }
    if (provider.isEmpty()) {
      return new Outcome(
          d,
          null,
          DeliveryResult.retryable(
              "no " + d.channel() + " channel is configured in the workspace",
              Duration.ofMinutes(1)));
    }
    ProviderRegistry.Resolved p = provider.get();
    Optional<Duration> wait =
        limiter.acquire(
            d.workspaceId(), p.settingName(), p.version(), p.rateLimit(), d.recipient(), bulk(d));
    while (wait.isPresent() && wait.get().compareTo(SLEEP_AT_MOST) <= 0) {
      try {
        Thread.sleep(Math.max(1, wait.get().toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(d, p.settingName(), DeliveryResult.rateLimited(wait.get()));
      }
      wait =
          limiter.acquire(
              d.workspaceId(), p.settingName(), p.version(), p.rateLimit(), d.recipient(), bulk(d));
    }
    if (wait.isPresent()) {
      return new Outcome(d, p.settingName(), DeliveryResult.rateLimited(wait.get()));
    }
    try {
      DeliveryResult result = p.provider().send(outbound(d));
      if (result instanceof DeliveryResult.InvalidRecipient && invalidRecipients != null) {
        invalidRecipients.forget(d);
      }
      return new Outcome(d, p.settingName(), result);
    } catch (RuntimeException e) {
      // The API says plugins return vendor errors; a thrown exception is a plugin bug.
      LOG.log(Level.WARNING, "channel provider " + p.settingName() + " threw from send", e);
      return new Outcome(
          d,
          p.settingName(),
          DeliveryResult.retryable(
              "the provider failed: " + e.getClass().getSimpleName(), FIRST_RETRY));
    }
  }

  /** The message a claimed delivery hands to its provider, by its channel. */
  static io.herald.plugin.api.OutboundMessage outbound(DeliveryQueue.Claimed d) {
    if ("email".equals(d.channel())) {
      return Composed.fromStored(d.content()).toOutbound(d.deliveryId(), d.recipient(), d.lane());
    }
    return ChannelComposed.fromStored(d.content())
        .toOutbound(d.deliveryId(), d.recipient(), d.cioId());
  }

  private static boolean bulk(DeliveryQueue.Claimed d) {
    return "bulk".equals(d.lane());
  }
}
