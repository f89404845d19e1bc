package io.herald.segments.internal.realtime;

import io.herald.events.api.ChangeFeed;
import io.herald.events.api.EventHeader;
import io.herald.events.api.FeedBatch;
import io.herald.events.api.HeaderBatch;
import io.herald.people.api.PersonChangeFeed;
import io.herald.segments.api.MembershipChanged;
import io.herald.segments.internal.evaluate.PersonEvaluator;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.shared.persistence.DataSources;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The steps the workers repeat: drain the events feed, drain the people feed, fold re-check
 * requests and handle due re-checks. Each step is one short transaction; a step that found work
 * returns {@code true} so the worker goes on at once.
 *
 * <p>Cluster safety: a feed is consumed by the one worker that holds its {@code segments_feed_lock}
 * row (taken with SKIP LOCKED: other nodes move on instead of waiting), for the length of one
 * batch's transaction; its position is stored in that transaction (a batch that needs no evaluation
 * only moves it on in memory, stored about once a second), so a crash replays at most those, and
 * replaying is harmless because evaluation compares the current facts with the stored membership
 * (at least once, idempotent). Re-checks are claimed with SKIP LOCKED, so two nodes never evaluate
 * the same due person at once. Every evaluation of a person first locks the person's {@code
 * segments_recheck} row.
 */
@ApplicationScoped
public class RealtimeEngine {

  /** The consumer name of the segments engine in both feeds. */
  static final String CONSUMER = "segments";

  /**
   * After a merge, the primary is evaluated again this much later: the events and relationships of
   * the merged person move to the primary after the people module's commit.
   */
  static final Duration MERGE_SETTLE = Duration.ofSeconds(5);

  /**
   * Requests no data segment could answer are deleted up to this many batches at a time (they are
   * only read and deleted).
   */
  private static final int DROP_BATCHES = 10;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject ChangeFeed events;

  @Inject PersonChangeFeed people;

  @Inject SegmentIndexes indexes;

  @Inject PersonEvaluator evaluator;

  @Inject RealtimeSettings settings;

  @Inject WorkspaceZones zones;

  @Inject Clock clock;

  @Inject Event<MembershipChanged> announcements;

  /** What one transaction did: the changes to announce and the feed position to acknowledge. */
  private record Done<B>(boolean worked, B batch, List<Applied> applied) {}

  /** Readies the events feed's partitions before the loops start ({@link EventPartitions}). */
  public void preparePartitions() {
    new EventPartitions(settings.eventWorkers()).prepare(dataSource, events);
  }

  /** Handles one batch of the events feed with a single loop ({@link #events(int)} of 0). */
  public boolean events() {
    return events(0);
  }

  /**
   * Handles one batch of partition {@code k} of the events feed (see {@link EventPartitions}).
   * Reads it first without a transaction: an idle feed, or a batch with no event of this
   * partition's people in a workspace with data segments, costs reads and no commit, and such a
   * batch moves the position on in memory only (stored about once a second, see {@code
   * ChangeFeed.advance}; replaying it after a crash is harmless). A batch evaluated stores its
   * position in its own transaction, so another node's worker starts after it.
   */
  public boolean events(int k) {
    return eventsStep(k) != Backlog.Found.NOTHING;
  }

  /**
   * As {@link #events(int)}, saying whether the batch was full (the feed may hold more: {@link
   * Backlog} paces a loop that stays behind).
   */
  Backlog.Found eventsStep(int k) {
    EventPartitions partitions = new EventPartitions(settings.eventWorkers());
    String consumer = EventPartitions.consumer(k);
    HeaderBatch ahead = events.readHeaders(consumer, settings.batchSize());
    if (ahead.headers().isEmpty()) {
      return Backlog.Found.NOTHING;
    }
    Backlog.Found found =
        ahead.headers().size() >= settings.batchSize() ? Backlog.Found.FULL : Backlog.Found.SOME;
    List<EventHeader> mine = partitions.of(ahead.headers(), k);
    if (mine.isEmpty() || noDataSegments(mine.stream().map(EventHeader::workspaceId))) {
      events.advance(consumer, ahead.handled(List.of()));
      return found;
    }
    Done<FeedBatch> done =
        Jdbc.inTransaction(
            dataSource,
            c -> {
              if (!feedLock(c, EventPartitions.lock(k))) {
                return new Done<>(false, null, List.of());
              }
              // Segments re-evaluate the people events are about; no event is read whole.
              HeaderBatch batch = events.readHeaders(consumer, settings.batchSize());
              if (batch.headers().isEmpty()) {
                return new Done<>(false, null, List.of());
              }
              indexes.refresh();
              Map<Long, Map<String, Reevaluator.Work>> work =
                  EventWork.of(c, partitions.of(batch.headers(), k));
              List<Applied> applied = evaluate(c, work, clock.instant());
              FeedBatch handled = batch.handled(List.of());
              events.acknowledge(c, consumer, handled);
              return new Done<>(true, handled, applied);
            });
    if (done.batch() != null) {
      events.advance(consumer, done.batch());
    }
    announce(done.applied());
    return done.worked() ? found : Backlog.Found.NOTHING;
  }

  /** Handles one batch of the people feed, as {@link #events()} does the events feed. */
  public boolean people() {
    PersonChangeFeed.Batch ahead = people.read(CONSUMER, settings.batchSize());
    if (ahead.changes().isEmpty()) {
      return false;
    }
    if (noDataSegments(ahead.changes().stream().map(PersonChangeFeed.Entry::workspaceId))) {
      people.advance(CONSUMER, ahead);
      return true;
    }
    Done<PersonChangeFeed.Batch> done =
        Jdbc.inTransaction(
            dataSource,
            c -> {
              if (!feedLock(c, "people")) {
                return new Done<>(false, null, List.of());
              }
              PersonChangeFeed.Batch batch = people.read(CONSUMER, settings.batchSize());
              if (batch.changes().isEmpty()) {
                return new Done<>(false, null, List.of());
              }
              indexes.refresh();
              Instant now = clock.instant();
              Map<Long, Map<String, Reevaluator.Work>> work = new TreeMap<>();
              List<PersonChangeFeed.Entry> merges = new ArrayList<>();
              for (PersonChangeFeed.Entry entry : batch.changes()) {
                String kind = entry.change().kind();
                Reevaluator.Work w =
                    switch (kind) {
                      case "created" ->
                          new Reevaluator.Work(Set.of(Trigger.everything()), "attribute");
                      case "merged" -> new Reevaluator.Work(Set.of(Trigger.everything()), "merge");
                      case "attribute_change" ->
                          new Reevaluator.Work(
                              Set.copyOf(
                                  entry.attributeNames().stream()
                                      .map(Trigger.Attribute::new)
                                      .toList()),
                              "attribute");
                      default -> null; // failed_attribute_change changed nothing
                    };
                if (w != null) {
                  EventWork.add(work, entry.workspaceId(), entry.change().cioId(), w);
                }
                if ("merged".equals(kind)) {
                  merges.add(entry);
                }
              }
              List<Applied> applied = evaluate(c, work, now);
              for (PersonChangeFeed.Entry merge : merges) {
                if (!indexes.of(merge.workspaceId()).isEmpty()) {
                  PersonRows.schedule(
                      c,
                      merge.workspaceId(),
                      merge.change().cioId(),
                      now.plus(MERGE_SETTLE),
                      "merge");
                }
              }
              people.acknowledge(c, CONSUMER, batch);
              return new Done<>(true, batch, applied);
            });
    if (done.batch() != null) {
      people.advance(CONSUMER, done.batch());
    }
    announce(done.applied());
    return done.worked();
  }

  /**
   * Folds re-check requests into timers, then evaluates one batch of due re-checks; looks first
   * without a transaction, so an idle poll commits nothing.
   */
  public boolean rechecks() {
    Instant now = clock.instant();
    boolean[] pending = Jdbc.autoCommit(dataSource, c -> PersonRows.pending(c, now));
    RecheckRelevance relevance = new RecheckRelevance(indexes);
    PersonRows.Fold fold =
        !pending[0]
            ? PersonRows.Fold.NOTHING
            : settings.dropDelay().isZero()
                ? PersonRows.Fold.NOW
                : Jdbc.autoCommit(
                    dataSource,
                    c -> PersonRows.fold(c, now.minus(settings.dropDelay()), relevance::relevant));
    int limit =
        fold == PersonRows.Fold.DROP ? settings.batchSize() * DROP_BATCHES : settings.batchSize();
    PersonRows.Folded folded =
        fold != PersonRows.Fold.NOTHING
            ? Jdbc.inTransaction(dataSource, c -> PersonRows.foldRequests(c, now, limit, relevance))
            : new PersonRows.Folded(0, 0);
    if (folded.scheduled() == 0 && !pending[1]) {
      // Nothing due: no claim transaction (requests only dropped commit nothing more).
      return folded.requests() > 0;
    }
    List<Applied> applied =
        Jdbc.inTransaction(
            dataSource,
            c -> {
              List<PersonRows.Due> due =
                  PersonRows.claimDue(c, now, Math.max(1, settings.batchSize() / 5));
              if (due.isEmpty()) {
                return null;
              }
              indexes.refresh();
              Map<Long, Map<String, Reevaluator.Work>> work = new TreeMap<>();
              for (PersonRows.Due d : due) {
                EventWork.add(
                    work,
                    d.workspaceId(),
                    d.cioId(),
                    new Reevaluator.Work(
                        Set.of(Trigger.everything()), d.cause() == null ? "time" : d.cause()));
              }
              List<Applied> changes = new ArrayList<>();
              Reevaluator reevaluator = new Reevaluator(evaluator);
              for (var ws : work.entrySet()) {
                changes.addAll(
                    reevaluator.run(
                        c,
                        ws.getKey(),
                        indexes.of(ws.getKey()),
                        ws.getValue(),
                        zone(ws.getKey()),
                        now,
                        true));
              }
              return changes;
            });
    if (applied == null) {
      return folded.requests() > 0;
    }
    announce(applied);
    return true;
  }

  /**
   * Evaluates the work of a batch, workspace by workspace, leaving out people whose changes no data
   * segment reads.
   */
  private List<Applied> evaluate(
      Connection c, Map<Long, Map<String, Reevaluator.Work>> work, Instant now)
      throws SQLException {
    List<Applied> applied = new ArrayList<>();
    Reevaluator reevaluator = new Reevaluator(evaluator);
    for (var ws : work.entrySet()) {
      SegmentIndex index = indexes.of(ws.getKey());
      Map<String, Reevaluator.Work> concerned = new TreeMap<>();
      ws.getValue()
          .forEach(
              (cio, w) -> {
                if (!index.affected(w.triggers()).isEmpty()) {
                  concerned.put(cio, w);
                }
              });
      if (concerned.isEmpty()) {
        continue;
      }
      Jdbc.autoCommit(
          dataSource,
          auto -> {
            PersonLocks.ensure(auto, ws.getKey(), List.copyOf(concerned.keySet()));
            return null;
          });
      applied.addAll(
          reevaluator.run(c, ws.getKey(), index, concerned, zone(ws.getKey()), now, false));
    }
    return applied;
  }

  /**
   * Whether none of the workspaces has an active data segment, so a batch of theirs changes no
   * membership and schedules no re-check (a segment created later is filled by its rebuild).
   */
  private boolean noDataSegments(Stream<Long> workspaces) {
    indexes.refresh();
    return workspaces.distinct().allMatch(ws -> indexes.of(ws).isEmpty());
  }

  /** Takes the feed's lock row unless another worker holds it. */
  private static boolean feedLock(Connection c, String feed) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT feed FROM segments_feed_lock WHERE feed = ? FOR UPDATE SKIP LOCKED")) {
      q.setString(1, feed);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  private java.time.ZoneId zone(long workspaceId) {
    return zones.of(workspaceId);
  }

  /** Fires {@link MembershipChanged} for committed changes. */
  void announce(List<Applied> applied) {
    for (Applied a : applied) {
      announcements.fire(
          new MembershipChanged(
              new WorkspaceId(a.workspaceId()), a.segmentId(), a.cioId(), a.entered()));
    }
  }
}
