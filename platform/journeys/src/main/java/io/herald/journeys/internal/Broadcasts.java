package io.herald.journeys.internal;

import io.herald.journeys.api.BroadcastRequest;
import io.herald.journeys.api.JourneyState;
import io.herald.segments.api.MemberPage;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Works broadcasts in chunks, each one short transaction on a broadcast row claimed with {@code FOR
 * UPDATE SKIP LOCKED} (so one node at a time works a broadcast, and a node that dies mid-chunk
 * leaves it as it was): first the audience is queued a segment page at a time (each person due at
 * the send time, or at the local time in their zone — at once when it has passed), then due people
 * are entered through {@link Entries} (the queue row's change and the run are one transaction, so
 * each person enters once), at most {@code per_minute} in any minute. A cancelled broadcast is
 * never claimed again.
 */
final class Broadcasts {

  /** The earliest any zone reaches a local time: UTC+14 (Pacific/Kiritimati). */
  private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** While a broadcast's journey is paused, it is looked at again this often. */
  private static final Duration PAUSED_RETRY = Duration.ofMinutes(1);

  private final DataSource dataSource;
  private final Clock clock;
  private final Engine engine;
  private final Audience audience;
  private final Effects effects;
  private final int chunk;
  private final int maxAttempts;

  /**
   * @param chunk people queued or entered per transaction
   * @param maxAttempts failed entries after which a person is marked {@code failed}
   */
  Broadcasts(
      DataSource dataSource,
      Clock clock,
      Engine engine,
      Audience audience,
      Effects effects,
      int chunk,
      int maxAttempts) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.engine = engine;
    this.audience = audience;
    this.effects = effects;
    this.chunk = Math.max(1, chunk);
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  /** Writes a scheduled broadcast; returns its id. */
  long schedule(Connection c, StoredJourney j, BroadcastRequest r) throws SQLException {
    Instant now = clock.instant();
    Instant start;
    if (r.localTime() != null) {
      // Queue the audience when the first zone reaches the local time; nobody is due earlier.
      start = r.localTime().toInstant(EARLIEST);
    } else {
      start = r.sendAt() == null ? now : r.sendAt();
    }
    return BroadcastStore.insert(
        c, j.workspaceId(), j.id(), r, start.isBefore(now) ? now : start, now);
  }

  /** Works one chunk of one due broadcast; returns how many people it queued or handled. */
  int poll() {
    Instant now = clock.instant();
    if (!Transactions.autoCommit(
        dataSource, "journeys broadcast", c -> BroadcastStore.anyDue(c, now))) {
      return -1;
    }
    return Transactions.inTransaction(
        dataSource,
        "journeys broadcast",
        c -> {
          Optional<StoredBroadcast> claimed = BroadcastStore.claimDue(c, clock.instant());
          return claimed.isEmpty() ? -1 : work(c, claimed.get());
        });
  }

  /** Polls until no broadcast has work due now (tests, and a woken worker). */
  int drain() {
    int total = 0;
    for (int n; (n = poll()) >= 0; ) {
      total += n;
    }
    return total;
  }

  private int work(Connection c, StoredBroadcast b) throws SQLException {
    Instant now = clock.instant();
    StoredJourney j = engine.journeys.find(c, b.workspaceId(), b.journeyId(), false).orElse(null);
    if (j == null || j.state() == JourneyState.ARCHIVED || j.state() == JourneyState.DRAFT) {
      BroadcastStore.finish(c, b.id(), StoredBroadcast.CANCELLED, now);
      return 0;
    }
    if (!b.audienceDone()) {
      return queue(c, b, now);
    }
    if (j.state() == JourneyState.PAUSED) {
      BroadcastStore.next(c, b.id(), now.plus(PAUSED_RETRY));
      return 0;
    }
    int allowed = chunk;
    if (b.perMinute() != null) {
      BroadcastStore.Window recent = BroadcastStore.enteredSince(c, b.id(), now.minus(MINUTE));
      allowed = (int) Math.min(chunk, b.perMinute() - recent.entered());
      if (allowed <= 0) {
        // Full: room opens a minute after the oldest entry of the window.
        BroadcastStore.next(c, b.id(), recent.earliest().plus(MINUTE));
        return 0;
      }
    }
    List<String> due = BroadcastStore.due(c, b.id(), now, allowed);
    String cause = "broadcast " + b.id();
    for (String cioId : due) {
      enter(c, b, j, cioId, cause, now);
    }
    if (due.size() == allowed) {
      // Maybe more due now; with a rate limit, the window decides on the next poll.
      BroadcastStore.next(c, b.id(), now);
      return due.size();
    }
    Instant next = BroadcastStore.nextDue(c, b.id());
    if (next == null) {
      BroadcastStore.finish(c, b.id(), StoredBroadcast.SENT, now);
    } else {
      BroadcastStore.next(c, b.id(), next.isBefore(now) ? now : next);
    }
    return due.size();
  }

  /**
   * Enters one queued person behind a savepoint: an entry that throws is rolled back alone and
   * counted on the person's row (tried again {@code attempts} minutes later), and after {@code
   * maxAttempts} the person is marked {@code failed} with the reason, so one person can never hold
   * back the rest of the broadcast. A failure that ended the whole transaction (a deadlock) leaves
   * no savepoint to return to and fails the chunk, which is retried as before.
   */
  private void enter(
      Connection c, StoredBroadcast b, StoredJourney j, String cioId, String cause, Instant now)
      throws SQLException {
    Savepoint before = c.setSavepoint();
    try {
      long run = engine.entries.enter(c, j, cioId, b.data(), cause, now);
      BroadcastStore.handled(
          c, b.id(), cioId, run == 0 ? BroadcastStore.SKIPPED : BroadcastStore.ENTERED, run, now);
    } catch (SQLException | RuntimeException e) {
      c.rollback(before);
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      BroadcastStore.entryFailed(c, b.id(), cioId, reason, maxAttempts, now);
    }
  }

  /** Queues one page of the segment's members, each due at their time. */
  private int queue(Connection c, StoredBroadcast b, Instant now) throws SQLException {
    WorkspaceId ws = new WorkspaceId(b.workspaceId());
    Optional<MemberPage> page = audience.members(ws, b.segmentId(), b.audienceAfter(), chunk);
    if (page.isEmpty()) {
      // The segment was deleted before everyone was queued: those queued still enter.
      BroadcastStore.queued(c, b.id(), b.audienceAfter(), true, now);
      return 0;
    }
    for (String cioId : page.get().cioIds()) {
      BroadcastStore.enqueue(c, b.id(), cioId, dueAt(ws, cioId, b, now));
    }
    boolean done = page.get().next().isEmpty() || page.get().cioIds().isEmpty();
    BroadcastStore.queued(c, b.id(), page.get().next().orElse(b.audienceAfter()), done, now);
    BroadcastStore.next(c, b.id(), now);
    return page.get().cioIds().size();
  }

  private Instant dueAt(WorkspaceId ws, String cioId, StoredBroadcast b, Instant now) {
    if (b.localTime() == null) {
      return b.sendAt() == null || b.sendAt().isBefore(now) ? now : b.sendAt();
    }
    LocalDateTime local = b.localTime();
    Instant at = local.atZone(effects.zoneOf(ws, cioId)).toInstant();
    // People whose local time has already passed enter at once (not a day later).
    return at.isBefore(now) ? now : at;
  }
}
