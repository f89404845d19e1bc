package io.herald.segments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Segments in memory; records which writes happened, so a test can assert none did. */
class FakeSegmentRepository extends SegmentRepository {

  final List<Segment> stored = new ArrayList<>();
  final List<String> writes = new ArrayList<>();
  private long nextId = 100;

  FakeSegmentRepository(Segment... segments) {
    stored.addAll(List.of(segments));
  }

  @Override
  Optional<Segment> find(long workspaceId, long segmentId) {
    return stored.stream()
        .filter(s -> s.workspaceId() == workspaceId && s.id() == segmentId)
        .findFirst();
  }

  @Override
  List<Segment> list(long workspaceId) {
    return stored.stream().filter(s -> s.workspaceId() == workspaceId).toList();
  }

  @Override
  List<Segment> lockAll(long workspaceId) {
    writes.add("lock " + workspaceId);
    return list(workspaceId);
  }

  @Override
  void add(Segment segment) {
    Segments.withId(segment, nextId++);
    stored.add(segment);
    writes.add("add " + segment.id());
  }

  @Override
  void flush() {
    writes.add("flush");
  }

  @Override
  void remove(Segment segment) {
    stored.remove(segment);
    writes.add("remove " + segment.id());
  }
}
