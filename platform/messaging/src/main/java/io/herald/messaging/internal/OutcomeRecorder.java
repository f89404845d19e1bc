package io.herald.messaging.internal;

import io.herald.plugin.api.DeliveryResult;
import io.herald.shared.persistence.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Records what became of a sending loop's deliveries: sent (with the provider's id), dropped for a
 * suppression, failed, or back in the queue with a backoff; and, for a delivery sent for the first
 * time, the person's {@code received} engagement, written in the same transaction so a batch costs
 * one commit. Immutable; shared by a sender's loops.
 */
final class OutcomeRecorder {

  private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration LAST_RETRY = Duration.ofHours(1);

  /**
   * What became of a claimed delivery: the provider's result, or (result null) the suppression that
   * dropped it before any provider saw it, or (both null) nothing: its batch ran out of time before
   * its turn and it goes back to the queue as it was.
   */
  record Outcome(
      DeliveryQueue.Claimed delivery, String setting, DeliveryResult result, String dropped) {

    Outcome(DeliveryQueue.Claimed delivery, String setting, DeliveryResult result) {
      this(delivery, setting, result, null);
    }

    /** A delivery not sent: back to the queue, due now, its attempt not counted. */
    static Outcome unsent(DeliveryQueue.Claimed delivery) {
      return new Outcome(delivery, null, null, null);
    }
  }

  private final MessagingSettings settings;
  private final Engagements engagements;

  OutcomeRecorder(MessagingSettings settings, Engagements engagements) {
    this.settings = settings;
    this.engagements = engagements;
  }

  /**
   * Records the outcomes and the {@code received} engagements of the first sends among them in the
   * caller's transaction on {@code c}.
   */
  void record(Connection c, List<Outcome> outcomes, Instant now) throws SQLException {
    List<DeliveryStore.Ref> firstSent = refs(recordAll(c, outcomes, now));
    if (!firstSent.isEmpty()) {
      engagements.received(c, firstSent, now);
    }
  }

  /**
   * Records the outcomes with their engagements in a transaction of their own. If that fails, the
   * outcomes are recorded alone and the engagements after them, apart (so a bad engagement never
   * costs a batch's outcomes).
   *
   * @throws IllegalStateException when the outcomes could not be recorded: their deliveries stay
   *     {@code sending} until their lease runs out and are then sent again with the same key
   */
  void recordAlone(DataSource dataSource, List<Outcome> outcomes, Instant now) {
    if (outcomes.isEmpty()) {
      return;
    }
    try {
      Transactions.inTransaction(
          dataSource,
          "messaging",
          c -> {
            record(c, outcomes, now);
            return null;
          });
      return;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "recording outcomes with their engagements failed; recording apart", e);
    }
    List<DeliveryQueue.Claimed> firstSent =
        Transactions.inTransaction(dataSource, "messaging", c -> recordAll(c, outcomes, now));
    receivedApart(refs(firstSent), now);
  }

  /** The received engagements in a transaction of their own; one by one if that fails. */
  private void receivedApart(List<DeliveryStore.Ref> refs, Instant at) {
    if (refs.isEmpty()) {
      return;
    }
    try {
      engagements.received(refs, at);
    } catch (RuntimeException shared) {
      for (DeliveryStore.Ref r : refs) {
        try {
          engagements.received(r, at);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "recording the received engagement of a delivery failed", e);
        }
      }
    }
  }

  private static List<DeliveryStore.Ref> refs(List<DeliveryQueue.Claimed> deliveries) {
    List<DeliveryStore.Ref> refs = new ArrayList<>(deliveries.size());
    deliveries.forEach(d -> refs.add(d.ref()));
    return refs;
  }

  /** Records the outcomes; the deliveries sent for the first time. */
  private List<DeliveryQueue.Claimed> recordAll(Connection c, List<Outcome> outcomes, Instant now)
      throws SQLException {
    // The accepted ones (nearly all) in three statements; the rest one by one.
    List<DeliveryQueue.Accepted> accepted = new ArrayList<>(outcomes.size());
    for (Outcome o : outcomes) {
      if (o.dropped() == null && o.result() instanceof DeliveryResult.Accepted a) {
        accepted.add(
            new DeliveryQueue.Accepted(
                o.delivery(), a.providerMessageId(), o.setting(), Responses.toJson(a.response())));
      } else {
        recordOther(c, o, now);
      }
    }
    return DeliveryQueue.sentAll(c, accepted, now);
  }

  /** Records an outcome other than an accepted send. */
  private void recordOther(Connection c, Outcome o, Instant now) throws SQLException {
    DeliveryQueue.Claimed d = o.delivery();
    DeliveryResult result = o.result();
    if (o.dropped() != null) {
      DeliveryQueue.dropped(c, d, o.dropped(), now);
    } else if (result == null) {
      DeliveryQueue.retry(c, d, null, now, false, now);
    } else if (result instanceof DeliveryResult.PermanentFailure f) {
      DeliveryQueue.failed(c, d, f.reason(), now);
    } else if (result instanceof DeliveryResult.InvalidRecipient f) {
      DeliveryQueue.failed(c, d, "invalid recipient: " + f.reason(), now);
    } else if (result instanceof DeliveryResult.RateLimited r) {
      DeliveryQueue.retry(c, d, "rate limited", now.plus(atLeast(r.retryAfter())), false, now);
    } else if (result instanceof DeliveryResult.RetryableFailure f) {
      // d.attempts() is the count before this claim; the claim added one.
      int attempts = d.attempts() + 1;
      if (attempts >= maxAttempts(d)) {
        DeliveryQueue.failed(c, d, f.reason() + " (gave up after " + attempts + " attempts)", now);
      } else {
        Duration backoff = backoff(attempts);
        Duration wait = f.retryAfter().compareTo(backoff) > 0 ? f.retryAfter() : backoff;
        DeliveryQueue.retry(c, d, f.reason(), now.plus(wait), true, now);
      }
    }
  }

  /** The message's own limit (a webhook's {@code retries} + 1), else the messaging setting. */
  private int maxAttempts(DeliveryQueue.Claimed d) {
    if (!"email".equals(d.channel()) && d.content() != null) {
      Integer own = ChannelComposed.fromStored(d.content()).maxAttempts();
      if (own != null) {
        return own;
      }
    }
    return settings.maxAttempts();
  }

  private static Duration atLeast(Duration d) {
    return d.isZero() ? Duration.ofSeconds(1) : d;
  }

  /** 30 s, 1 min, 2 min, … up to an hour. */
  static Duration backoff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
    return d.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : d;
  }
}
