package io.herald.segments.internal;

import io.herald.segments.api.SegmentInUseException;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.WriteOutcome;
import io.herald.segments.internal.membership.MembershipChangeLog;
import io.herald.segments.internal.realtime.RecheckRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Segment and membership writes, each in its own transaction. Every membership row that changes
 * gets its {@code segments_membership_change} row (cause {@code api} or {@code merge}) in the same
 * transaction, and the people whose manual memberships changed are queued for re-evaluation of the
 * data segments that read those segments (cause {@code segment}).
 */
@ApplicationScoped
public class SegmentWriter {

  @Inject SegmentRepository segments;

  @Inject MembershipRepository memberships;

  @Inject Clock clock;

  @Inject MembershipChangeLog changeLog;

  @Inject RecheckRequests rechecks;

  /**
   * What a membership write did.
   *
   * @param outcome whether it applied
   * @param changed the cio_ids that joined (or left)
   */
  record Applied(WriteOutcome outcome, List<String> changed) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public SegmentView createManual(long workspaceId, String name, String description) {
    Segment segment =
        new Segment(workspaceId, name, description, SegmentType.MANUAL, clock.instant());
    segments.add(segment);
    return segment.view();
  }

  /**
   * Deletes a segment (manual or data) with its memberships, unless a data segment's conditions
   * name it.
   *
   * @throws SegmentInUseException naming the data segments that name it; nothing is deleted
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public WriteOutcome delete(long workspaceId, long segmentId) {
    List<Segment> all = segments.lockAll(workspaceId);
    Optional<Segment> segment = all.stream().filter(s -> s.id() == segmentId).findFirst();
    if (segment.isEmpty()) {
      return WriteOutcome.NO_SUCH_SEGMENT;
    }
    List<Long> referrers = SegmentGraph.of(all).referrers(segmentId);
    if (!referrers.isEmpty()) {
      throw new SegmentInUseException(
          segmentId,
          all.stream().filter(s -> referrers.contains(s.id())).map(Segment::view).toList());
    }
    segments.remove(segment.get());
    return WriteOutcome.DONE;
  }

  /** Adds the people who are not members yet. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Applied add(long workspaceId, long segmentId, Collection<String> cioIds) {
    Optional<WriteOutcome> refused = refusal(workspaceId, segmentId);
    if (refused.isPresent()) {
      return new Applied(refused.get(), List.of());
    }
    Set<String> present = memberships.presentAmong(segmentId, cioIds);
    Instant now = clock.instant();
    List<String> added = new ArrayList<>();
    for (String cioId : new LinkedHashSet<>(cioIds)) {
      if (!present.contains(cioId)) {
        // One insert at a time: the row ids then follow the order given, which is join order
        // (the unit of work would insert a batch of new rows in no particular order).
        memberships.add(new Membership(segmentId, workspaceId, cioId, now));
        memberships.flush();
        changeLog.record(workspaceId, segmentId, cioId, true, "api", now);
        rechecks.person(workspaceId, cioId, "segment");
        added.add(cioId);
      }
    }
    return new Applied(WriteOutcome.DONE, added);
  }

  /** Removes the people who are members. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Applied remove(long workspaceId, long segmentId, Collection<String> cioIds) {
    Optional<WriteOutcome> refused = refusal(workspaceId, segmentId);
    if (refused.isPresent()) {
      return new Applied(refused.get(), List.of());
    }
    List<String> removed = new ArrayList<>();
    Instant now = clock.instant();
    for (Membership membership : memberships.among(segmentId, cioIds)) {
      memberships.remove(membership);
      memberships.flush();
      changeLog.record(workspaceId, segmentId, membership.cioId(), false, "api", now);
      rechecks.person(workspaceId, membership.cioId(), "segment");
      removed.add(membership.cioId());
    }
    return new Applied(WriteOutcome.DONE, removed);
  }

  /**
   * Gives the secondary's manual memberships to the primary (a merge): segments the primary is
   * already in keep the primary's row. The secondary leaves its data-driven segments; the primary's
   * data-driven memberships are the real-time engine's to decide (the merge reaches it through the
   * people change feed), so it is queued for re-evaluation here too. Each move is recorded as the
   * secondary's exit and the primary's enter, cause {@code merge}.
   *
   * @return the segments the primary joined
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> transfer(long workspaceId, String fromCioId, String toCioId) {
    Set<Long> primaryIn =
        memberships.ofPerson(workspaceId, toCioId).stream()
            .map(Membership::segmentId)
            .collect(Collectors.toSet());
    Instant now = clock.instant();
    List<Long> joined = new ArrayList<>();
    for (Membership membership : memberships.ofPerson(workspaceId, fromCioId)) {
      long segmentId = membership.segmentId();
      boolean manual = segments.find(workspaceId, segmentId).map(Segment::isManual).orElse(false);
      changeLog.record(workspaceId, segmentId, fromCioId, false, "merge", now);
      if (!manual || primaryIn.contains(segmentId)) {
        memberships.remove(membership);
      } else {
        membership.transferTo(toCioId);
        changeLog.record(workspaceId, segmentId, toCioId, true, "merge", now);
        joined.add(segmentId);
      }
    }
    memberships.flush();
    rechecks.person(workspaceId, toCioId, "merge");
    return joined;
  }

  /** Drops every membership of a deleted person. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int removePerson(long workspaceId, String cioId) {
    memberships.forgetRechecks(workspaceId, cioId);
    return memberships.removeOfPerson(workspaceId, cioId);
  }

  private Optional<WriteOutcome> refusal(long workspaceId, long segmentId) {
    Optional<Segment> segment = segments.find(workspaceId, segmentId);
    if (segment.isEmpty()) {
      return Optional.of(WriteOutcome.NO_SUCH_SEGMENT);
    }
    return segment.get().isManual() ? Optional.empty() : Optional.of(WriteOutcome.NOT_MANUAL);
  }
}
