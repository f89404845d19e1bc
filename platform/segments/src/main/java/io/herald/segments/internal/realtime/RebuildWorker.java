package io.herald.segments.internal.realtime;

import io.herald.segments.api.MembershipChanged;
import io.herald.segments.internal.evaluate.PersonEvaluator;
import io.herald.segments.internal.evaluate.PersonFacts;
import io.herald.segments.internal.membership.MembershipLedger;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.segments.internal.realtime.RebuildStore.Phase;
import io.herald.segments.internal.realtime.RebuildStore.Progress;
import io.herald.segments.internal.sql.RebuildSets;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
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
 *       re-check timers a chunk at a time.
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

  static final Duration LEASE = Duration.ofSeconds(60);

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

  /** A rebuild lost to a newer request or to another node: its transaction rolls back. */
  private static final class Superseded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Superseded() {
      super("superseded by a newer rebuild request", null, false, false);
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
        if (segment.isEmpty() || segment.get().revision() != at.revision()) {
          release(at); // deleted, or conditions changed: a newer request starts again
          return true;
        }
        at = advance(at, segment.get());
        if (at != null && !clock.instant().isBefore(deadline)) {
          release(at); // let other rebuilds (and other nodes) have a turn; progress is saved
          return true;
        }
      }
    } catch (Superseded e) {
      return true;
    }
    return true;
  }

  /** Does one step; returns where the rebuild is then, or null when it is done. */
  private Progress advance(Progress at, DataSegment segment) {
    int chunk = settings.rebuildBatchSize();
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
        queries.collect(
            workspace,
            segment.conditions().root(),
            clock.instant(),
            zones.of(at.workspaceId()),
            at.segmentId(),
            started.run());
        yield saved(started.at(Phase.ENTER, ""));
      }
      case ENTER -> {
        List<String> enters =
            Jdbc.autoCommit(dataSource, c -> RebuildStore.nextEnters(c, at, chunk));
        Progress next =
            enters.size() < chunk
                ? at.at(Phase.EXIT, "")
                : at.at(Phase.ENTER, enters.get(enters.size() - 1));
        yield apply(at, segment, enters, true, next);
      }
      case EXIT -> {
        List<String> exits = Jdbc.autoCommit(dataSource, c -> RebuildStore.nextExits(c, at, chunk));
        Progress next =
            exits.size() < chunk
                ? at.at(Phase.TIMERS, "")
                : at.at(Phase.EXIT, exits.get(exits.size() - 1));
        yield apply(at, segment, exits, false, next);
      }
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
        SortedMap<String, Instant> due =
            Jdbc.autoCommit(dataSource, c -> RebuildStore.nextTimers(c, at, chunk));
        if (due.size() < chunk) {
          Jdbc.inTransaction(
              dataSource,
              c -> {
                PersonRows.scheduleAll(c, at.workspaceId(), due, "time");
                return null;
              });
          yield finish(at);
        }
        yield Jdbc.inTransaction(
            dataSource,
            c -> {
              PersonRows.scheduleAll(c, at.workspaceId(), due, "time");
              Progress next = at.at(Phase.SCHEDULE, due.lastKey());
              save(c, next, 0, 0);
              return next;
            });
      }
    };
  }

  /**
   * Makes the people of one chunk members ({@code member}) or not, under their locks, and saves the
   * progress {@code next} in the same transaction.
   */
  private Progress apply(
      Progress at, DataSegment segment, List<String> chunk, boolean member, Progress next) {
    long ws = at.workspaceId();
    if (!chunk.isEmpty()) {
      Jdbc.autoCommit(
          dataSource,
          auto -> {
            PersonRows.ensure(auto, ws, chunk);
            return null;
          });
    }
    Instant now = clock.instant();
    List<Applied> applied =
        Jdbc.inTransaction(
            dataSource,
            c -> {
              List<Applied> done =
                  chunk.isEmpty() ? List.of() : change(c, at, segment, chunk, member, now);
              long entered = done.stream().filter(Applied::entered).count();
              save(c, next, entered, done.size() - entered);
              return done;
            });
    announce(applied);
    return next;
  }

  private List<Applied> change(
      Connection c,
      Progress at,
      DataSegment segment,
      List<String> chunk,
      boolean member,
      Instant now)
      throws SQLException {
    long ws = at.workspaceId();
    Map<String, Instant> evaluatedAt = PersonRows.lock(c, ws, chunk);
    Map<String, Boolean> wanted = new TreeMap<>();
    chunk.forEach(cio -> wanted.put(cio, member));
    List<String> moved =
        chunk.stream()
            .filter(
                cio -> {
                  Instant evaluated = evaluatedAt.get(cio);
                  return evaluated != null && !evaluated.isBefore(at.marker());
                })
            .toList();
    Set<String> members = members(c, segment.id(), chunk);
    if (!moved.isEmpty()) {
      ZoneId zone = zones.of(ws);
      Map<String, PersonFacts> facts = FactsLoader.load(c, ws, moved, segment.mentions(), now);
      for (String cio : moved) {
        PersonFacts f = facts.get(cio);
        wanted.put(
            cio,
            f == null
                ? members.contains(cio)
                : evaluator.evaluate(segment.conditions().root(), f, now, zone).matches());
      }
    }
    List<String> enters = new ArrayList<>();
    List<String> exits = new ArrayList<>();
    wanted.forEach(
        (cio, match) -> {
          if (match && !members.contains(cio)) {
            enters.add(cio);
          } else if (!match && members.contains(cio)) {
            exits.add(cio);
          }
        });
    List<Applied> applied =
        MembershipLedger.setAll(c, ws, segment.id(), enters, exits, "rebuild", now);
    if (!applied.isEmpty() && !indexes.of(ws).readersOf(segment.id()).isEmpty()) {
      SortedMap<String, Instant> readers = new TreeMap<>();
      applied.forEach(a -> readers.put(a.cioId(), now));
      PersonRows.scheduleAll(c, ws, readers, "segment");
    }
    return applied;
  }

  /** The people of {@code cioIds} who are members (a fresh read: the caller holds their locks). */
  private static Set<String> members(Connection c, long segmentId, List<String> cioIds)
      throws SQLException {
    Set<String> found = new HashSet<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT cio_id FROM segments_membership WHERE segment_id = ? AND cio_id IN ("
                + Jdbc.placeholders(cioIds.size())
                + ")")) {
      q.setLong(1, segmentId);
      for (int i = 0; i < cioIds.size(); i++) {
        q.setString(i + 2, cioIds.get(i));
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
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
    if (!RebuildStore.save(c, next, entered, exited, owner, clock.instant().plus(LEASE))) {
      throw new Superseded();
    }
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
          RebuildStore.finish(c, done, clock.instant());
          return null;
        });
    return null;
  }

  /** Takes the oldest rebuild no live node holds. */
  Optional<Progress> claim() {
    Instant now = clock.instant();
    return Jdbc.inTransaction(
        dataSource,
        c -> {
          Optional<Progress> claim = RebuildStore.oldestFree(c, now);
          if (claim.isPresent()) {
            RebuildStore.lease(c, claim.get().segmentId(), owner, now.plus(LEASE));
            RebuildStore.running(c, claim.get());
          }
          return claim;
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
