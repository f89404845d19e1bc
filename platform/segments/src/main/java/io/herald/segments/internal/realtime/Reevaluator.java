package io.herald.segments.internal.realtime;

import io.herald.segments.internal.evaluate.Evaluation;
import io.herald.segments.internal.evaluate.PersonEvaluator;
import io.herald.segments.internal.evaluate.PersonFacts;
import io.herald.segments.internal.membership.MembershipLedger;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates people and applies their enters and exits, inside the caller's transaction: locks the
 * people's rows, loads their facts (after the locks, so nothing another evaluation of theirs
 * committed is missed), evaluates the segments their changes concern in dependency order (a segment
 * leaf sees the enters and exits just made), writes the membership and change rows, and records
 * when each person must be looked at again.
 */
public final class Reevaluator {

  private static final Logger LOG = Logger.getLogger(Reevaluator.class.getName());

  /**
   * What to re-evaluate for one person.
   *
   * @param triggers what changed
   * @param cause the cause recorded with the changes
   */
  public record Work(Set<Trigger> triggers, String cause) {
    /** Copies the set. */
    public Work {
      triggers = Set.copyOf(triggers);
    }

    /** Both changes; the first cause wins. */
    Work plus(Work other) {
      Set<Trigger> all = new LinkedHashSet<>(triggers);
      all.addAll(other.triggers);
      return new Work(all, cause);
    }
  }

  private final PersonEvaluator evaluator;

  /**
   * @param evaluator the in-memory evaluator
   */
  public Reevaluator(PersonEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /**
   * Re-evaluates {@code work}'s people of one workspace. The caller has made sure each person has a
   * {@code segments_recheck} row ({@link PersonLocks#ensure}) or holds it already (a claimed
   * re-check, {@code everything}). Otherwise the people are locked here, except those another
   * transaction holds: they get a re-check request ({@link PersonLocks#lockFree}) and are not
   * evaluated now.
   *
   * @param zone the workspace's time zone
   * @param everything whether every segment is evaluated for everyone (a claimed re-check): then
   *     the person's timer is replaced, else the earlier timer is kept
   * @return the changes applied, to announce once committed
   */
  public List<Applied> run(
      Connection c,
      long workspaceId,
      SegmentIndex index,
      Map<String, Work> work,
      ZoneId zone,
      Instant now,
      boolean everything)
      throws SQLException {
    List<Applied> applied = new ArrayList<>();
    if (work.isEmpty()) {
      return applied;
    }
    Map<String, Work> people = new TreeMap<>(work);
    if (!everything) {
      Map<String, String> causes = new TreeMap<>();
      people.forEach((cio, w) -> causes.put(cio, w.cause()));
      // People another transaction holds (a rebuild's chunk) are left to a re-check request.
      people.keySet().retainAll(PersonLocks.lockFree(c, workspaceId, causes, now));
      if (people.isEmpty()) {
        return applied;
      }
    }
    Map<String, List<DataSegment>> segments = new TreeMap<>();
    // Each person's facts are read as far as their own segments reach; people with the same
    // segments share one Mentions.
    Map<List<Long>, Mentions> mentionsOf = new HashMap<>();
    Map<String, Mentions> mentions = new HashMap<>();
    for (var entry : people.entrySet()) {
      List<DataSegment> concerned =
          everything ? index.all() : index.affected(entry.getValue().triggers());
      segments.put(entry.getKey(), concerned);
      mentions.put(
          entry.getKey(),
          mentionsOf.computeIfAbsent(
              concerned.stream().map(DataSegment::id).toList(),
              ids -> SegmentIndex.mentions(concerned)));
    }
    Map<String, PersonFacts> facts = FactsLoader.load(c, workspaceId, mentions, now);
    List<Applied> wanted = new ArrayList<>();
    Map<String, Instant> next = new HashMap<>();
    for (var entry : people.entrySet()) {
      String cio = entry.getKey();
      PersonFacts person = facts.get(cio);
      if (person == null) {
        PersonRows.forget(c, workspaceId, cio); // deleted or merged away: nothing to evaluate
        continue;
      }
      next.put(
          cio,
          evaluate(
              workspaceId, person, segments.get(cio), entry.getValue().cause(), zone, now, wanted));
    }
    // The facts were read under the people's locks: every wanted change is a real one.
    applied.addAll(MembershipLedger.applyAll(c, wanted, now));
    PersonRows.evaluated(c, workspaceId, next, everything);
    return applied;
  }

  /**
   * Evaluates one person's segments in order, adding the changes to {@code wanted} (a segment leaf
   * sees the changes made before it); returns the earliest re-check.
   */
  private Instant evaluate(
      long ws,
      PersonFacts start,
      Collection<DataSegment> segments,
      String cause,
      ZoneId zone,
      Instant now,
      List<Applied> wanted) {
    PersonFacts facts = start;
    Set<Long> member = new HashSet<>(facts.segments());
    Instant next = null;
    for (DataSegment segment : segments) {
      Evaluation result;
      try {
        result = evaluator.evaluate(segment.conditions().root(), facts, now, zone);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "segment " + segment.id() + " could not be evaluated for " + facts.cioId(),
            e);
        continue;
      }
      if (result.recheckAt().isPresent()
          && (next == null || result.recheckAt().get().isBefore(next))) {
        next = result.recheckAt().get();
      }
      boolean was = member.contains(segment.id());
      if (result.matches() != was) {
        wanted.add(new Applied(ws, segment.id(), facts.cioId(), result.matches(), cause));
        if (result.matches()) {
          member.add(segment.id());
        } else {
          member.remove(segment.id());
        }
        facts =
            new PersonFacts(
                facts.cioId(),
                facts.attributes(),
                facts.events(),
                facts.relationships(),
                facts.devices(),
                member,
                facts.engagements());
      }
    }
    return next;
  }
}
