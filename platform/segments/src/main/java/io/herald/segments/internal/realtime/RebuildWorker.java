package io.herald.segments.internal.realtime;

import io.herald.segments.api.MembershipChanged;
import io.herald.segments.internal.evaluate.PersonEvaluator;
import io.herald.segments.internal.evaluate.PersonFacts;
import io.herald.segments.internal.membership.MembershipLedger;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.segments.internal.sql.SegmentQueries;
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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Runs full rebuilds of data segments ({@code segments_rebuild} rows): claims one with a lease
 * (SKIP LOCKED, so nodes share the work), walks every person of the workspace in keyset batches of
 * {@link SegmentQueries#verdicts}, and applies each batch's enters and exits (cause {@code
 * rebuild}) in a short transaction of its own that also saves the progress: a crashed node's
 * rebuild resumes from its last batch once the lease expires. Ingestion never waits for it (it only
 * locks segments tables).
 *
 * <p>The verdicts are read outside the applying transaction, so a person may change in between. The
 * batch therefore locks the people whose membership it changes and re-evaluates in memory those
 * whose row says they were evaluated since the verdicts were read; a change committed later is
 * evaluated by the real-time workers after the rebuild's write (they wait for the person's lock).
 */
@ApplicationScoped
public class RebuildWorker {

  static final Duration LEASE = Duration.ofSeconds(60);

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject SegmentQueries queries;

  @Inject DataSegmentRepository segments;

  @Inject SegmentIndexes indexes;

  @Inject PersonEvaluator evaluator;

  @Inject RealtimeSettings settings;

  @Inject WorkspaceZones zones;

  @Inject Clock clock;

  @Inject Event<MembershipChanged> announcements;

  private final String owner = "node-" + UUID.randomUUID();

  /** A claimed rebuild. */
  record Claim(long segmentId, long workspaceId, int revision, long afterKey) {}

  /** A rebuild lost to a newer request: its transaction rolls back. */
  private static final class Superseded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Superseded() {
      super("superseded by a newer rebuild request", null, false, false);
    }
  }

  /**
   * Works on one rebuild for at most {@code budget}.
   *
   * @return whether there was a rebuild to work on
   */
  public boolean step(Duration budget) {
    Optional<Claim> claimed = claim();
    if (claimed.isEmpty()) {
      return false;
    }
    Claim claim = claimed.get();
    Instant deadline = clock.instant().plus(budget);
    long afterKey = claim.afterKey();
    while (true) {
      Optional<DataSegment> segment = segments.find(claim.workspaceId(), claim.segmentId());
      if (segment.isEmpty() || segment.get().revision() != claim.revision()) {
        release(claim); // deleted, or conditions changed: a newer request restarts the walk
        return true;
      }
      Instant marker = databaseNow();
      Instant now = clock.instant();
      java.time.ZoneId zone = zones.of(claim.workspaceId());
      List<SegmentQueries.Verdict> verdicts =
          queries.verdicts(
              new WorkspaceId(claim.workspaceId()),
              segment.get().conditions().root(),
              now,
              zone,
              afterKey,
              settings.rebuildBatchSize());
      long last = verdicts.isEmpty() ? afterKey : verdicts.get(verdicts.size() - 1).key();
      boolean complete = verdicts.size() < settings.rebuildBatchSize();
      List<Applied> applied;
      try {
        applied =
            Jdbc.inTransaction(
                dataSource,
                c -> apply(c, claim, segment.get(), verdicts, marker, now, zone, last, complete));
      } catch (Superseded e) {
        return true;
      }
      announce(applied);
      if (complete) {
        return true;
      }
      afterKey = last;
      if (!clock.instant().isBefore(deadline)) {
        release(claim); // let other rebuilds (and other nodes) have a turn; progress is saved
        return true;
      }
    }
  }

  private List<Applied> apply(
      Connection c,
      Claim claim,
      DataSegment segment,
      List<SegmentQueries.Verdict> verdicts,
      Instant marker,
      Instant now,
      java.time.ZoneId zone,
      long last,
      boolean complete)
      throws SQLException {
    long ws = claim.workspaceId();
    Map<String, Boolean> wanted = new java.util.TreeMap<>();
    verdicts.forEach(v -> wanted.put(v.cioId(), v.matches()));
    Set<String> members = members(c, segment.id(), List.copyOf(wanted.keySet()));
    List<String> differing = new ArrayList<>();
    wanted.forEach(
        (cio, match) -> {
          if (match != members.contains(cio)) {
            differing.add(cio);
          }
        });
    List<Applied> applied = new ArrayList<>();
    if (!differing.isEmpty()) {
      Jdbc.autoCommit(
          dataSource,
          auto -> {
            PersonRows.ensure(auto, ws, differing);
            return null;
          });
      Map<String, Instant> evaluatedAt = PersonRows.lock(c, ws, differing);
      List<String> moved = new ArrayList<>();
      for (String cio : differing) {
        Instant at = evaluatedAt.get(cio);
        if (at != null && !at.isBefore(marker)) {
          moved.add(cio);
        }
      }
      if (!moved.isEmpty()) {
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
      boolean readers = !indexes.of(ws).readersOf(segment.id()).isEmpty();
      for (String cio : differing) {
        boolean match = wanted.get(cio);
        if (MembershipLedger.set(c, ws, segment.id(), cio, match, "rebuild", now)) {
          applied.add(new Applied(ws, segment.id(), cio, match, "rebuild"));
          if (readers) {
            PersonRows.schedule(c, ws, cio, now, "segment");
          }
        }
      }
    }
    long entered = applied.stream().filter(Applied::entered).count();
    try (PreparedStatement progress =
        c.prepareStatement(
            "UPDATE segments_rebuild SET after_key = ?, entered = entered + ?,"
                + " exited = exited + ?, lease_until = ? WHERE segment_id = ? AND revision = ?"
                + " AND lease_owner = ?")) {
      progress.setLong(1, last);
      progress.setLong(2, entered);
      progress.setLong(3, applied.size() - entered);
      progress.setTimestamp(4, Timestamp.from(clock.instant().plus(LEASE)));
      progress.setLong(5, segment.id());
      progress.setInt(6, claim.revision());
      progress.setString(7, owner);
      if (progress.executeUpdate() == 0) {
        throw new Superseded();
      }
    }
    if (complete) {
      finish(c, claim, now);
    }
    return applied;
  }

  private static Set<String> members(Connection c, long segmentId, List<String> cioIds)
      throws SQLException {
    Set<String> found = new HashSet<>();
    if (cioIds.isEmpty()) {
      return found;
    }
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

  private static void finish(Connection c, Claim claim, Instant now) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM segments_rebuild WHERE segment_id = ? AND revision = ?")) {
      delete.setLong(1, claim.segmentId());
      delete.setInt(2, claim.revision());
      delete.executeUpdate();
    }
    try (PreparedStatement done =
        c.prepareStatement(
            "UPDATE segments_segment SET rebuild_state = 'done', rebuilt_at = ?"
                + " WHERE id = ? AND revision = ?")) {
      done.setTimestamp(1, Timestamp.from(now));
      done.setLong(2, claim.segmentId());
      done.setInt(3, claim.revision());
      done.executeUpdate();
    }
  }

  /** Takes the oldest rebuild no live node holds. */
  Optional<Claim> claim() {
    Instant now = clock.instant();
    return Jdbc.inTransaction(
        dataSource,
        c -> {
          Claim claim = null;
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT segment_id, workspace_id, revision, after_key FROM segments_rebuild"
                      + " WHERE lease_until IS NULL OR lease_until < ?"
                      + " ORDER BY requested_at, segment_id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            q.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = q.executeQuery()) {
              if (rs.next()) {
                claim = new Claim(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4));
              }
            }
          }
          if (claim == null) {
            return Optional.empty();
          }
          try (PreparedStatement lease =
              c.prepareStatement(
                  "UPDATE segments_rebuild SET lease_owner = ?, lease_until = ?"
                      + " WHERE segment_id = ?")) {
            lease.setString(1, owner);
            lease.setTimestamp(2, Timestamp.from(now.plus(LEASE)));
            lease.setLong(3, claim.segmentId());
            lease.executeUpdate();
          }
          try (PreparedStatement running =
              c.prepareStatement(
                  "UPDATE segments_segment SET rebuild_state = 'running'"
                      + " WHERE id = ? AND revision = ?")) {
            running.setLong(1, claim.segmentId());
            running.setInt(2, claim.revision());
            running.executeUpdate();
          }
          return Optional.of(claim);
        });
  }

  private void release(Claim claim) {
    Jdbc.inTransaction(
        dataSource,
        c -> {
          try (PreparedStatement release =
              c.prepareStatement(
                  "UPDATE segments_rebuild SET lease_owner = NULL, lease_until = NULL"
                      + " WHERE segment_id = ? AND lease_owner = ?")) {
            release.setLong(1, claim.segmentId());
            release.setString(2, owner);
            return release.executeUpdate();
          }
        });
  }

  private Instant databaseNow() {
    return Jdbc.autoCommit(
        dataSource,
        c -> {
          try (PreparedStatement q = c.prepareStatement("SELECT NOW(3)");
              ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
          }
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
