package io.herald.webadmin.fakes;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonIdentifiers;
import io.herald.people.api.PersonRef;
import io.herald.segments.api.InvalidSegmentException;
import io.herald.segments.api.MemberPage;
import io.herald.segments.api.MembershipResult;
import io.herald.segments.api.SegmentInUseException;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.WriteOutcome;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Segments and their members in memory, with the real service's rules: people are resolved through
 * {@link FakePeople#lookup} (references naming nobody are skipped), members page in join order with
 * the position as cursor, only manual segments take members or are deleted. Records the size of
 * every add call.
 */
public final class FakeSegments implements SegmentService {

  private final FakePeople people;
  public final Map<Long, SegmentView> segments = new LinkedHashMap<>();
  public final Map<Long, LinkedHashSet<String>> members = new LinkedHashMap<>();
  public final List<Integer> addCalls = new ArrayList<>();

  /** Segments whose deletion is refused, with the data segments said to use them. */
  public final Map<Long, List<SegmentView>> inUse = new LinkedHashMap<>();

  private long lastId;

  public FakeSegments(FakePeople people) {
    this.people = people;
  }

  /** Stores a segment of {@code type} and returns it. */
  public SegmentView add(String name, SegmentType type) {
    SegmentView view = new SegmentView(++lastId, name, null, type, Instant.EPOCH, Instant.EPOCH);
    segments.put(view.id(), view);
    members.put(view.id(), new LinkedHashSet<>());
    return view;
  }

  /** Replaces a stored segment (same id). */
  public void put(SegmentView view) {
    segments.put(view.id(), view);
    members.computeIfAbsent(view.id(), k -> new LinkedHashSet<>());
    lastId = Math.max(lastId, view.id());
  }

  @Override
  public SegmentView createManual(WorkspaceId workspace, String name, String description) {
    if (name == null || name.isBlank()) {
      throw new InvalidSegmentException(List.of("segment.name is required"));
    }
    SegmentView view = add(name.trim(), SegmentType.MANUAL);
    SegmentView described =
        new SegmentView(
            view.id(), view.name(), description, SegmentType.MANUAL, Instant.EPOCH, Instant.EPOCH);
    segments.put(view.id(), described);
    return described;
  }

  @Override
  public List<SegmentView> list(WorkspaceId workspace) {
    return List.copyOf(segments.values());
  }

  @Override
  public Optional<SegmentView> find(WorkspaceId workspace, long segmentId) {
    return Optional.ofNullable(segments.get(segmentId));
  }

  @Override
  public WriteOutcome delete(WorkspaceId workspace, long segmentId) {
    SegmentView view = segments.get(segmentId);
    if (view == null) {
      return WriteOutcome.NO_SUCH_SEGMENT;
    }
    if (inUse.containsKey(segmentId)) {
      throw new SegmentInUseException(segmentId, inUse.get(segmentId));
    }
    segments.remove(segmentId);
    members.remove(segmentId);
    return WriteOutcome.DONE;
  }

  @Override
  public MembershipResult addMembers(WorkspaceId workspace, long segmentId, List<PersonRef> refs) {
    addCalls.add(refs.size());
    return write(workspace, segmentId, refs, true);
  }

  @Override
  public MembershipResult removeMembers(
      WorkspaceId workspace, long segmentId, List<PersonRef> refs) {
    return write(workspace, segmentId, refs, false);
  }

  private MembershipResult write(
      WorkspaceId workspace, long segmentId, List<PersonRef> refs, boolean add) {
    if (refs.size() > MAX_REFERENCES) {
      throw new IllegalArgumentException(refs.size() + " people in one call");
    }
    SegmentView view = segments.get(segmentId);
    if (view == null) {
      return MembershipResult.refused(WriteOutcome.NO_SUCH_SEGMENT, refs.size());
    }
    if (view.type() != SegmentType.MANUAL) {
      return MembershipResult.refused(WriteOutcome.NOT_MANUAL, refs.size());
    }
    Map<IdType, Map<String, PersonIdentifiers>> found = new EnumMap<>(IdType.class);
    int changed = 0;
    int unchanged = 0;
    int skipped = 0;
    for (PersonRef ref : refs) {
      PersonIdentifiers p =
          found
              .computeIfAbsent(
                  ref.type(),
                  t ->
                      people.lookup(
                          workspace,
                          t,
                          refs.stream().filter(r -> r.type() == t).map(PersonRef::value).toList()))
              .get(ref.value());
      if (p == null) {
        skipped++;
      } else if (add
          ? members.get(segmentId).add(p.cioId())
          : members.get(segmentId).remove(p.cioId())) {
        changed++;
      } else {
        unchanged++;
      }
    }
    return new MembershipResult(WriteOutcome.DONE, changed, unchanged, skipped);
  }

  @Override
  public Optional<MemberPage> members(
      WorkspaceId workspace, long segmentId, long after, int limit) {
    if (!segments.containsKey(segmentId)) {
      return Optional.empty();
    }
    List<String> all = List.copyOf(members.get(segmentId));
    int from = (int) Math.min(after, all.size());
    int to = Math.min(all.size(), from + limit);
    return Optional.of(
        new MemberPage(
            all.subList(from, to), to < all.size() ? OptionalLong.of(to) : OptionalLong.empty()));
  }

  @Override
  public OptionalLong count(WorkspaceId workspace, long segmentId) {
    return segments.containsKey(segmentId)
        ? OptionalLong.of(members.get(segmentId).size())
        : OptionalLong.empty();
  }

  @Override
  public boolean isMember(WorkspaceId workspace, long segmentId, String cioId) {
    return members.getOrDefault(segmentId, new LinkedHashSet<>()).contains(cioId);
  }

  @Override
  public Set<String> membersAmong(
      WorkspaceId workspace, long segmentId, Collection<String> cioIds) {
    throw new AssertionError("not used by the console");
  }
}
