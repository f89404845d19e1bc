package io.herald.segments.internal.realtime;

import io.herald.segments.internal.evaluate.PersonEvaluator;
import io.herald.segments.internal.membership.MembershipLedger;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.segments.internal.realtime.RebuildStore.Phase;
import io.herald.segments.internal.realtime.RebuildStore.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The enter and exit steps of a rebuild ({@link RebuildWorker}): a round of up to {@code
 * parallelism} consecutive chunks of the step's set ({@link RebuildChunks}), applied side by side,
 * each in its own transaction on its own connection under its people's locks. A chunk's statements
 * run on one of the database server's cores, so a round uses as many.
 *
 * <p>Only the first chunk of a round saves the progress (to its own end), in its transaction; the
 * others count their changes and renew the lease ({@link RebuildLease#count}), and once every chunk
 * has committed one more transaction saves the round's end. The saved progress therefore never
 * passes a chunk that has not committed. After a crash the round is applied again from there: a
 * chunk that had committed finds nobody who differs from the set any more, and writes nothing.
 *
 * @param parallelism chunks per round, at least 1
 * @param helpers runs a round's chunks but the first (which the caller's thread runs); null when
 *     {@code parallelism} is 1
 */
record RebuildChunkStep(
    DataSource dataSource,
    SegmentIndexes indexes,
    PersonEvaluator evaluator,
    WorkspaceZones zones,
    Clock clock,
    RebuildLease lease,
    int size,
    int parallelism,
    ExecutorService helpers) {

  private static final Logger LOG = Logger.getLogger(RebuildChunkStep.class.getName());

  /** Where the rebuild is after a round, and the changes it applied, in key order. */
  record Round(Progress next, List<Applied> applied) {}

  /**
   * Applies one round of the step's set ({@code MATCHES}: the matches that are not members; {@code
   * MEMBERS}: the members that are not matches); {@code then} is the step after the last chunk.
   */
  Round run(Progress at, DataSegment segment, RebuildChunks.Set set, Phase then) {
    // A new segment, or one whose members all still match, has no exits: one read says so
    // instead of a chunk's five statements over every member.
    if (set == RebuildChunks.Set.MEMBERS
        && at.afterCio().isEmpty()
        && !Jdbc.autoCommit(dataSource, c -> RebuildChunks.anyDiffering(c, at, set))) {
      Progress next = at.at(then, "");
      saveEnd(at, next);
      return new Round(next, List.of());
    }
    // The chunks' bounds: chunk i runs from the end of chunk i - 1 (the progress for the first) to
    // bounds[i], or to the end of the set when that is empty (then it is the round's last).
    List<Optional<String>> bounds =
        Jdbc.autoCommit(
            dataSource,
            c -> {
              List<Optional<String>> found = new ArrayList<>();
              Progress from = at;
              while (found.size() < parallelism) {
                Optional<String> last = RebuildChunks.upto(c, from, set, size);
                found.add(last);
                if (last.isEmpty()) {
                  break;
                }
                from = at.at(at.phase(), last.get());
              }
              return found;
            });
    List<Progress> starts = new ArrayList<>();
    starts.add(at);
    for (Optional<String> bound : bounds.subList(0, bounds.size() - 1)) {
      starts.add(at.at(at.phase(), bound.orElseThrow()));
    }
    Optional<String> end = bounds.get(bounds.size() - 1);
    Progress next = end.map(last -> at.at(at.phase(), last)).orElse(at.at(then, ""));
    if (bounds.size() == 1) {
      return new Round(next, chunk(at, bounds.get(0), segment, set, Optional.of(next)));
    }
    List<Future<List<Applied>>> others = new ArrayList<>();
    for (int i = 1; i < bounds.size(); i++) {
      Progress start = starts.get(i);
      Optional<String> upto = bounds.get(i);
      others.add(helpers.submit(() -> chunk(start, upto, segment, set, Optional.empty())));
    }
    List<Applied> applied = new ArrayList<>();
    RuntimeException failed = null;
    try {
      applied.addAll(chunk(at, bounds.get(0), segment, set, Optional.of(starts.get(1))));
    } catch (RuntimeException e) {
      failed = e;
    }
    for (Future<List<Applied>> other : others) {
      try {
        applied.addAll(other.get());
      } catch (ExecutionException e) {
        failed = failed != null ? failed : unchecked(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed = failed != null ? failed : new IllegalStateException("rebuild interrupted", e);
      }
    }
    if (failed != null) {
      throw failed; // the saved progress is at most the first chunk's end
    }
    saveEnd(at, next);
    return new Round(next, applied);
  }

  /** Saves {@code next}, the end of a round that began {@code at}, in a transaction of its own. */
  private void saveEnd(Progress at, Progress next) {
    Instant now = clock.instant();
    Jdbc.inTransaction(
        dataSource,
        c -> {
          lease.save(c, next, 0, 0);
          complete(c, at, next, now);
          return null;
        });
  }

  /**
   * Applies the chunk from {@code at} to {@code upto} under the people's locks, evaluates again in
   * memory those the engine evaluated after the set was read, and, in the same transaction, saves
   * the progress {@code saveAs} (completing the membership when it is the timers step) or, without
   * one, counts the changes.
   */
  private List<Applied> chunk(
      Progress at,
      Optional<String> upto,
      DataSegment segment,
      RebuildChunks.Set set,
      Optional<Progress> saveAs) {
    long ws = at.workspaceId();
    // Who in the chunk differs, read without locks before its transaction.
    List<String> differing =
        Jdbc.autoCommit(
            dataSource,
            c -> {
              RebuildChunks.Differing found = RebuildChunks.differing(c, at, set, upto);
              // Their re-check rows, which the chunk's transaction locks: inserted by id for the
              // few who have none yet (the same read said who).
              PersonLocks.insert(c, ws, found.withoutRow());
              return found.people();
            });
    Instant now = clock.instant();
    return Jdbc.inTransaction(
        dataSource,
        c -> {
          List<RebuildChunks.Locked> locked = RebuildChunks.lock(c, at, differing);
          List<String> moved =
              locked.stream()
                  .filter(RebuildChunks.Locked::moved)
                  .map(RebuildChunks.Locked::cioId)
                  .toList();
          List<String> unmoved =
              locked.stream().filter(l -> !l.moved()).map(RebuildChunks.Locked::cioId).toList();
          List<Applied> done = new ArrayList<>(RebuildChunks.apply(c, at, set, unmoved, now));
          done.addAll(reevaluate(c, ws, segment, moved, now));
          // current(), not of(): the engine refreshes the index only when a feed has work, so a
          // segment created since (reading this one) would be missed in a quiet workspace.
          Set<Long> readers =
              done.isEmpty() ? Set.of() : indexes.current(ws).readersOf(segment.id());
          // Readers whose rebuilds have yet to read their sets read these changes then.
          if (!readers.isEmpty() && !RebuildStore.allYetToCollect(c, readers)) {
            SortedMap<String, Instant> people = new TreeMap<>();
            done.forEach(a -> people.put(a.cioId(), now));
            PersonRows.scheduleAll(c, ws, people, "segment");
          }
          long entered = done.stream().filter(Applied::entered).count();
          if (saveAs.isPresent()) {
            lease.save(c, saveAs.get(), entered, done.size() - entered);
            complete(c, at, saveAs.get(), now);
          } else {
            lease.count(c, at, entered, done.size() - entered);
          }
          return done;
        });
  }

  /** Marks the segment rebuilt when {@code next} is the timers step: the membership is complete. */
  private static void complete(Connection c, Progress at, Progress next, Instant now)
      throws SQLException {
    if (next.phase() != Phase.TIMERS) {
      return;
    }
    RebuildStore.rebuilt(c, next, now);
    LOG.info(
        () ->
            String.format(
                "segment %d rebuild (revision %d): membership complete %.2f s after the set was"
                    + " read",
                at.segmentId(),
                at.revision(),
                Duration.between(at.marker(), now).toMillis() / 1e3));
  }

  /** Evaluates locked people in memory and applies what differs from their membership. */
  private List<Applied> reevaluate(
      Connection c, long ws, DataSegment segment, List<String> people, Instant now)
      throws SQLException {
    if (people.isEmpty()) {
      return List.of();
    }
    ZoneId zone = zones.of(ws);
    List<Applied> wanted = new ArrayList<>();
    FactsLoader.load(c, ws, people, segment.mentions(), now)
        .forEach(
            (cio, facts) -> {
              boolean match =
                  evaluator.evaluate(segment.conditions().root(), facts, now, zone).matches();
              if (match != facts.segments().contains(segment.id())) {
                wanted.add(new Applied(ws, segment.id(), cio, match, "rebuild"));
              }
            });
    return MembershipLedger.applyAll(c, wanted, now);
  }

  private static RuntimeException unchecked(Throwable cause) {
    return cause instanceof RuntimeException r
        ? r
        : new IllegalStateException("a rebuild chunk failed", cause);
  }
}
