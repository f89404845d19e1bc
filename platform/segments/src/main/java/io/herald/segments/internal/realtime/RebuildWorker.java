package io.herald.segments.internal.realtime;

import io.herald.segments.api.MembershipChanged;
import io.herald.segments.internal.evaluate.PersonEvaluator;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.segments.internal.realtime.RebuildStore.Phase;
import io.herald.segments.internal.realtime.RebuildStore.Progress;
import io.herald.segments.internal.sql.RebuildSets;
import io.herald.shared.persistence.DataSources;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs full rebuilds of data segments ({@code segments_rebuild} rows), claimed with a lease (SKIP
 * LOCKED, so nodes share the work), in steps that each save their progress: a crashed node's
 * rebuild resumes from its last step once the lease expires.
 *
 * <ol>
 *   <li><b>collect</b>: the matching people, as one set computed by the database ({@link
 *       RebuildSets#collect}: one {@code INSERT … SELECT} that locks nothing it reads), under a new
 *       run number;
 *   <li><b>enter</b> then <b>exit</b>: the matches that are not members, then the members that are
 *       not matches, a chunk of people per short transaction (cause {@code rebuild});
 *   <li><b>timers</b> and <b>schedule</b>: for conditions that move with the clock, the earliest
 *       time each person's result can change on its own ({@link RebuildSets#timers}), set as
 *       re-check timers a chunk at a time. The segment is marked rebuilt ({@code done}) before
 *       these: its membership is complete once the exits are applied, and a timer that comes due
 *       meanwhile is only late by the time these steps take, never lost. A rebuild in these steps
 *       gives way to any rebuild whose membership is not complete yet (they are claimed first).
 * </ol>
 *
 * The set is read before the chunks are applied, so a person may change in between. A chunk
 * therefore locks its people, and evaluates again in memory those whose row says the real-time
 * engine evaluated them after the set was read (the marker); a change committed later is evaluated
 * by the real-time workers after the chunk (they wait for the person's lock). Ingestion never waits
 * for a rebuild.
 */
@ApplicationScoped
public class RebuildWorker {

  private static final Logger LOG = Logger.getLogger(RebuildWorker.class.getName());

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject RebuildSets queries;

  @Inject DataSegmentRepository segments;

  @Inject SegmentIndexes indexes;

  @Inject PersonEvaluator evaluator;

  @Inject RealtimeSettings settings;

  @Inject WorkspaceZones zones;

  @Inject Clock clock;

  @Inject Event<MembershipChanged> announcements;

  private final String owner = "node-" + UUID.randomUUID();

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  /**
   * Applies the chunks of a round but the first ({@link RebuildChunkStep}), shared by this node's
   * rebuilds; null (tests that build the worker by hand, or a parallelism of 1): one at a time.
   */
  ExecutorService helpers;

  @PostConstruct
  void start() {
    int parallelism = settings.rebuildParallelism();
    if (parallelism > 1) {
      helpers = Executors.newFixedThreadPool(parallelism - 1, threads);
    }
  }

  @PreDestroy
  void stop() {
    if (helpers != null) {
      helpers.shutdownNow();
    }
  }

  /**
   * Works on one rebuild for at most {@code budget} (at least one step).
   *
   * @return whether there was a rebuild to work on
   */
  public boolean step(Duration budget) {
    Optional<Progress> claimed = claim();
    if (claimed.isEmpty()) {
      return false;
    }
    Instant deadline = clock.instant().plus(budget);
    Progress at = claimed.get();
    try {
      while (at != null) {
        Optional<DataSegment> segment = segments.find(at.workspaceId(), at.segmentId());
        if (segment.isEmpty()) {
          abandon(at); // deleted: nothing to rebuild, ever
          return true;
        }
        if (segment.get().revision() != at.revision()) {
          release(at); // conditions changed: the newer request starts again
          return true;
        }
        at = advance(at, segment.get());
        if (at != null && (!clock.instant().isBefore(deadline) || yields(at))) {
          release(at); // let other rebuilds (and other nodes) have a turn; progress is saved
          return true;
        }
      }
    } catch (RebuildLease.Superseded e) {
      return true;
    }
    return true;
  }

  /**
   * Whether a rebuild whose membership is complete gives way to one whose membership is not: a
   * segment created right after another is not kept waiting for the other's re-check timers.
   */
  boolean yields(Progress at) {
    return at.phase().compareTo(Phase.TIMERS) >= 0
        && Jdbc.autoCommit(
            dataSource, c -> RebuildStore.membershipWaiting(c, clock.instant(), at.segmentId()));
  }

  /** Does one step; returns where the rebuild is then, or null when it is done. */
  private Progress advance(Progress at, DataSegment segment) {
    int size = settings.rebuildBatchSize();
    WorkspaceId workspace = new WorkspaceId(at.workspaceId());
    return switch (at.phase()) {
      case COLLECT -> {
        Progress started =
            Jdbc.autoCommit(
                dataSource,
                c -> {
                  Progress next =
                      new Progress(
                          at.segmentId(),
                          at.workspaceId(),
                          at.revision(),
                          Phase.COLLECT,
                          at.run() + 1,
                          "",
                          RebuildStore.databaseNow(c));
                  save(c, next, 0, 0); // the new run first: a slower node's rows stay unread
                  RebuildStore.dropSets(c, at.segmentId());
                  return next;
                });
        long begin = System.nanoTime();
        long matches =
            queries.collect(
                workspace,
                segment.conditions().root(),
                clock.instant(),
                zones.of(at.workspaceId()),
                at.segmentId(),
                started.run());
        LOG.info(
            () ->
                String.format(
                    "segment %d rebuild (revision %d): %,d matching people collected in %.2f s",
                    at.segmentId(), at.revision(), matches, (System.nanoTime() - begin) / 1e9));
        yield saved(started.at(Phase.ENTER, ""));
      }
      case ENTER -> chunk(at, segment, RebuildChunks.Set.MATCHES, Phase.EXIT);
      case EXIT -> chunk(at, segment, RebuildChunks.Set.MEMBERS, Phase.TIMERS);
      case TIMERS -> {
        long timers =
            queries.timers(
                workspace,
                segment.conditions().root(),
                clock.instant(),
                zones.of(at.workspaceId()),
                at.segmentId(),
                at.run());
        yield timers > 0 ? saved(at.at(Phase.SCHEDULE, "")) : finish(at);
      }
      case SCHEDULE -> {
        Optional<String> upto =
            Jdbc.autoCommit(
                dataSource,
                // Small chunks: each upsert holds the people's rows the engine also locks.
                c -> RebuildChunks.upto(c, at, RebuildChunks.Set.TIMERS, Math.min(size, 1000)));
        Progress next = upto.map(last -> at.at(Phase.SCHEDULE, last)).orElse(null);
        Jdbc.inTransaction(
            dataSource,
            c -> {
              RebuildChunks.schedule(c, at, upto);
              if (next != null) {
                save(c, next, 0, 0);
              }
              return null;
            });
        yield next == null ? finish(at) : next;
      }
    };
  }

  /** Applies a round of chunks of the step's set ({@link RebuildChunkStep}). */
  private Progress chunk(Progress at, DataSegment segment, RebuildChunks.Set set, Phase then) {
    RebuildChunkStep.Round round = chunks().run(at, segment, set, then);
    announce(round.applied());
    return round.next();
  }

  private RebuildChunkStep chunks() {
    return new RebuildChunkStep(
        dataSource,
        indexes,
        evaluator,
        zones,
        clock,
        lease(),
        settings.rebuildBatchSize(),
        helpers == null ? 1 : settings.rebuildParallelism(),
        helpers);
  }

  private RebuildLease lease() {
    return new RebuildLease(owner, clock);
  }

  private Progress saved(Progress next) {
    return Jdbc.inTransaction(
        dataSource,
        c -> {
          save(c, next, 0, 0);
          return next;
        });
  }

  private void save(Connection c, Progress next, long entered, long exited) throws SQLException {
    lease().save(c, next, entered, exited);
  }

  private Progress finish(Progress done) {
    Jdbc.autoCommit(
        dataSource,
        c -> {
          RebuildStore.dropSets(c, done.segmentId());
          return null;
        });
    Jdbc.inTransaction(
        dataSource,
        c -> {
          save(c, done, 0, 0); // still ours
          RebuildStore.finish(c, done);
          return null;
        });
    return null;
  }

  /** Takes the oldest rebuild no live node holds (looking first without a transaction). */
  Optional<Progress> claim() {
    Instant now = clock.instant();
    if (!Jdbc.autoCommit(dataSource, c -> RebuildStore.anyFree(c, now))) {
      return Optional.empty();
    }
    return Jdbc.inTransaction(
        dataSource,
        c -> {
          Optional<Progress> claim = RebuildStore.oldestFree(c, now);
          if (claim.isPresent()) {
            RebuildStore.lease(c, claim.get().segmentId(), owner, now.plus(RebuildLease.LENGTH));
            RebuildStore.running(c, claim.get());
          }
          return claim;
        });
  }

  /** Drops the rebuild of a segment that no longer exists: its row and its sets. */
  private void abandon(Progress at) {
    Jdbc.autoCommit(
        dataSource,
        c -> {
          RebuildStore.dropSets(c, at.segmentId());
          RebuildStore.finish(c, at);
          return null;
        });
  }

  private void release(Progress at) {
    Jdbc.inTransaction(
        dataSource,
        c -> {
          RebuildStore.release(c, at.segmentId(), owner);
          return null;
        });
  }

  private void announce(List<Applied> applied) {
    for (Applied a : applied) {
      announcements.fire(
          new MembershipChanged(
              new WorkspaceId(a.workspaceId()), a.segmentId(), a.cioId(), a.entered()));
    }
  }
}
