package io.herald.segments.internal.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data segments of one workspace, indexed by what they read: a change re-evaluates only the
 * segments that mention it, plus the segments that depend on those through segment leaves
 * (transitively), in dependency order (a segment after every segment it reads).
 */
public final class SegmentIndex {

  private final Map<Long, DataSegment> byId;
  private final Map<String, Set<Long>> byAttribute = new HashMap<>();
  private final Map<String, Set<Long>> byEvent = new HashMap<>();
  private final Map<String, Set<Long>> byObjectType = new HashMap<>();
  private final Set<Long> byDevice = new HashSet<>();
  private final Set<Long> byEngagement = new HashSet<>();

  /** Segment id (manual or data) to the data segments with a leaf on it. */
  private final Map<Long, Set<Long>> readers = new HashMap<>();

  /** Position of each data segment in dependency order. */
  private final Map<Long, Integer> rank = new HashMap<>();

  private SegmentIndex(Collection<DataSegment> segments) {
    byId = new LinkedHashMap<>();
    segments.stream()
        .sorted(Comparator.comparingLong(DataSegment::id))
        .forEach(s -> byId.put(s.id(), s));
    for (DataSegment s : byId.values()) {
      Mentions m = s.mentions();
      m.attributes().forEach(a -> byAttribute.computeIfAbsent(a, k -> new HashSet<>()).add(s.id()));
      m.events()
          .keySet()
          .forEach(e -> byEvent.computeIfAbsent(e, k -> new HashSet<>()).add(s.id()));
      m.objectTypes()
          .forEach(t -> byObjectType.computeIfAbsent(t, k -> new HashSet<>()).add(s.id()));
      if (m.devices()) {
        byDevice.add(s.id());
      }
      if (m.engagement() != null) {
        byEngagement.add(s.id());
      }
      m.segments().forEach(d -> readers.computeIfAbsent(d, k -> new HashSet<>()).add(s.id()));
    }
    List<Long> order = dependencyOrder();
    for (int i = 0; i < order.size(); i++) {
      rank.put(order.get(i), i);
    }
  }

  /** Indexes {@code segments} (the active data segments of one workspace). */
  public static SegmentIndex of(Collection<DataSegment> segments) {
    return new SegmentIndex(segments);
  }

  /** Whether the workspace has no data segment. */
  public boolean isEmpty() {
    return byId.isEmpty();
  }

  /** Every data segment, in dependency order. */
  public List<DataSegment> all() {
    return ordered(byId.keySet());
  }

  /** The data segment with this id, or {@code null}. */
  public DataSegment get(long segmentId) {
    return byId.get(segmentId);
  }

  /**
   * The data segments {@code triggers} may change, with every data segment that reads one of them
   * through a segment leaf (transitively), in dependency order.
   */
  public List<DataSegment> affected(Collection<? extends Trigger> triggers) {
    Set<Long> direct = new HashSet<>();
    for (Trigger t : triggers) {
      if (t instanceof Trigger.Everything) {
        return all();
      } else if (t instanceof Trigger.Attribute a) {
        direct.addAll(byAttribute.getOrDefault(a.name(), Set.of()));
      } else if (t instanceof Trigger.Event e) {
        direct.addAll(byEvent.getOrDefault(e.name(), Set.of()));
      } else if (t instanceof Trigger.Relationship r) {
        direct.addAll(byObjectType.getOrDefault(r.objectTypeId(), Set.of()));
      } else if (t instanceof Trigger.Device) {
        direct.addAll(byDevice);
      } else if (t instanceof Trigger.Engagement) {
        direct.addAll(byEngagement);
      } else if (t instanceof Trigger.Membership m) {
        direct.addAll(readers.getOrDefault(m.segmentId(), Set.of()));
      }
    }
    return ordered(withReaders(direct));
  }

  /** The data segments that read {@code segmentId} through segment leaves, transitively. */
  public Set<Long> readersOf(long segmentId) {
    Set<Long> found = withReaders(readers.getOrDefault(segmentId, Set.of()));
    found.remove(segmentId);
    return found;
  }

  /** What {@code segments} read, together. */
  public static Mentions mentions(Collection<DataSegment> segments) {
    Mentions all = Mentions.none();
    for (DataSegment s : segments) {
      all = all.plus(s.mentions());
    }
    return all;
  }

  private Set<Long> withReaders(Set<Long> start) {
    Set<Long> found = new HashSet<>(start);
    Deque<Long> todo = new ArrayDeque<>(start);
    while (!todo.isEmpty()) {
      for (Long reader : readers.getOrDefault(todo.pop(), Set.of())) {
        if (found.add(reader)) {
          todo.push(reader);
        }
      }
    }
    return found;
  }

  private List<DataSegment> ordered(Collection<Long> ids) {
    List<DataSegment> list = new ArrayList<>();
    for (Long id : ids) {
      DataSegment s = byId.get(id);
      if (s != null) {
        list.add(s);
      }
    }
    list.sort(Comparator.comparingInt(s -> rank.get(s.id())));
    return list;
  }

  /**
   * Kahn's algorithm over the data segments (lowest id first among the ready ones). Segments left
   * in a cycle (which the API refuses to store) come last, by id.
   */
  private List<Long> dependencyOrder() {
    Map<Long, Integer> waiting = new HashMap<>();
    for (DataSegment s : byId.values()) {
      int n = 0;
      for (Long d : s.mentions().segments()) {
        if (byId.containsKey(d) && d != s.id()) {
          n++;
        }
      }
      waiting.put(s.id(), n);
    }
    TreeSet<Long> ready = new TreeSet<>();
    waiting.forEach(
        (id, n) -> {
          if (n == 0) {
            ready.add(id);
          }
        });
    List<Long> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      Long next = ready.pollFirst();
      order.add(next);
      for (Long reader : readers.getOrDefault(next, Set.of())) {
        if (!reader.equals(next) && waiting.merge(reader, -1, Integer::sum) == 0) {
          ready.add(reader);
        }
      }
    }
    byId.keySet().stream().filter(id -> !order.contains(id)).sorted().forEach(order::add);
    return order;
  }
}
