package io.herald.journeys.internal;

import io.herald.segments.api.MemberPage;
import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Segments for the broadcast tests: members in joining order, paged by position as the segments
 * module pages by membership id; pages are read while the test may add members.
 */
final class ListAudience implements Audience {

  private final Map<Long, List<String>> segments = new ConcurrentHashMap<>();

  void segment(long id, List<String> members) {
    segments.put(id, List.copyOf(members));
  }

  @Override
  public Optional<MemberPage> members(WorkspaceId ws, long segmentId, long after, int limit) {
    List<String> members = segments.get(segmentId);
    if (members == null) {
      return Optional.empty();
    }
    int from = (int) Math.min(after, members.size());
    int to = Math.min(members.size(), from + limit);
    return Optional.of(
        new MemberPage(
            members.subList(from, to),
            to < members.size() ? OptionalLong.of(to) : OptionalLong.empty()));
  }
}
