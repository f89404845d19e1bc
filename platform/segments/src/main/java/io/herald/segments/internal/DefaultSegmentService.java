package io.herald.segments.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonIdentifiers;
import io.herald.people.api.PersonRef;
import io.herald.segments.api.MemberPage;
import io.herald.segments.api.MembershipChanged;
import io.herald.segments.api.MembershipResult;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.WriteOutcome;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Validates, resolves people through the people module's API, writes in a transaction of its own
 * (retried when a concurrent call added the same member first), then announces the membership
 * changes: the writes are committed when {@link MembershipChanged} fires.
 */
@ApplicationScoped
public class DefaultSegmentService implements SegmentService {

  private static final Logger LOG = Logger.getLogger(DefaultSegmentService.class.getName());
  private static final int ATTEMPTS = 3;

  @Inject SegmentWriter writer;

  @Inject SegmentRepository segments;

  @Inject MembershipRepository memberships;

  @Inject PeopleService people;

  @Inject Event<MembershipChanged> changes;

  @Override
  public SegmentView createManual(WorkspaceId workspace, String name, String description) {
    SegmentFields fields = SegmentFields.of(name, description);
    return writer.createManual(workspace.value(), fields.name(), fields.description());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SegmentView> list(WorkspaceId workspace) {
    return segments.list(workspace.value()).stream().map(Segment::view).toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SegmentView> find(WorkspaceId workspace, long segmentId) {
    return segments.find(workspace.value(), segmentId).map(Segment::view);
  }

  @Override
  public WriteOutcome delete(WorkspaceId workspace, long segmentId) {
    return DeadlockRetry.run(() -> writer.delete(workspace.value(), segmentId));
  }

  @Override
  public MembershipResult addMembers(WorkspaceId workspace, long segmentId, List<PersonRef> refs) {
    return write(workspace, segmentId, refs, true);
  }

  @Override
  public MembershipResult removeMembers(
      WorkspaceId workspace, long segmentId, List<PersonRef> refs) {
    return write(workspace, segmentId, refs, false);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<MemberPage> members(
      WorkspaceId workspace, long segmentId, long after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    if (segments.find(workspace.value(), segmentId).isEmpty()) {
      return Optional.empty();
    }
    // One row more than asked tells whether another page follows.
    List<Object[]> rows = memberships.page(segmentId, after, limit + 1);
    List<String> cioIds = new ArrayList<>();
    long last = after;
    for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
      last = (Long) row[0];
      cioIds.add((String) row[1]);
    }
    return Optional.of(
        new MemberPage(cioIds, rows.size() > limit ? OptionalLong.of(last) : OptionalLong.empty()));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public OptionalLong count(WorkspaceId workspace, long segmentId) {
    return segments.find(workspace.value(), segmentId).isPresent()
        ? OptionalLong.of(memberships.count(segmentId))
        : OptionalLong.empty();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isMember(WorkspaceId workspace, long segmentId, String cioId) {
    return segments.find(workspace.value(), segmentId).isPresent()
        && memberships.isMember(segmentId, cioId);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<String> membersAmong(
      WorkspaceId workspace, long segmentId, Collection<String> cioIds) {
    if (cioIds.isEmpty() || segments.find(workspace.value(), segmentId).isEmpty()) {
      return Set.of();
    }
    return memberships.presentAmong(segmentId, cioIds);
  }

  private MembershipResult write(
      WorkspaceId workspace, long segmentId, List<PersonRef> refs, boolean add) {
    if (refs.size() > MAX_REFERENCES) {
      throw new IllegalArgumentException(
          refs.size() + " people in one call; the limit is " + MAX_REFERENCES);
    }
    Optional<SegmentView> segment = find(workspace, segmentId);
    if (segment.isEmpty()) {
      return MembershipResult.refused(WriteOutcome.NO_SUCH_SEGMENT, refs.size());
    }
    Map<IdType, List<String>> byType = new EnumMap<>(IdType.class);
    refs.forEach(r -> byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r.value()));
    Map<IdType, Map<String, PersonIdentifiers>> found = new EnumMap<>(IdType.class);
    byType.forEach((type, values) -> found.put(type, people.lookup(workspace, type, values)));
    Set<String> cioIds = new LinkedHashSet<>();
    int skipped = 0;
    for (PersonRef ref : refs) {
      PersonIdentifiers person = found.get(ref.type()).get(ref.value());
      if (person == null) {
        skipped++;
      } else {
        cioIds.add(person.cioId());
      }
    }
    long ws = workspace.value();
    SegmentWriter.Applied applied =
        retrying(
            () -> add ? writer.add(ws, segmentId, cioIds) : writer.remove(ws, segmentId, cioIds));
    if (applied.outcome() != WriteOutcome.DONE) {
      return MembershipResult.refused(applied.outcome(), refs.size());
    }
    applied
        .changed()
        .forEach(cioId -> changes.fire(new MembershipChanged(workspace, segmentId, cioId, add)));
    int changed = applied.changed().size();
    return new MembershipResult(
        WriteOutcome.DONE, changed, refs.size() - skipped - changed, skipped);
  }

  /** Runs a write transaction again when a concurrent call inserted the same member first. */
  private static <T> T retrying(Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isDuplicate(e)) {
          throw e;
        }
        LOG.log(Level.FINE, "membership write raced with another call; retrying", e);
      }
    }
  }

  private static boolean isDuplicate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
        return true;
      }
      if (t instanceof PersistenceException
          && String.valueOf(t.getMessage()).contains("Duplicate entry")) {
        return true;
      }
    }
    return false;
  }
}
