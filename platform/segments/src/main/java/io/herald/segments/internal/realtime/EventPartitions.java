package io.herald.segments.internal.realtime;

import io.herald.events.api.ChangeFeed;
import io.herald.events.api.EventHeader;
import io.herald.events.api.EventSubject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Splits the events feed between {@code herald.segments.realtime.event-workers} loops, so that
 * several batches are evaluated side by side (one loop waits on the database most of the time): a
 * person's events all belong to one partition, chosen by a hash of the person's {@code cio_id} (of
 * the anonymous id for a visitor's events), so each person's events are still evaluated one batch
 * after the other, in feed order. Every partition reads the whole feed with its own position and
 * lock row (partition 0 keeps the single-loop names, {@code segments} and {@code events}) and
 * evaluates only its people.
 *
 * <p>When the number of partitions changes, people move between partitions, so {@link #prepare} (at
 * start, before any loop reads) sets every partition's position to the lowest of the previous ones:
 * events some partition had handled are evaluated again (harmless: evaluation compares the current
 * facts with the stored membership), none is skipped. All nodes must run with the same number;
 * change it with every node stopped.
 *
 * @param count how many partitions
 */
record EventPartitions(int count) {

  private static final Logger LOG = Logger.getLogger(EventPartitions.class.getName());

  /** The most partitions {@code herald.segments.realtime.event-workers} may ask for. */
  static final int MAX = 8;

  EventPartitions {
    if (count < 1 || count > MAX) {
      throw new IllegalArgumentException(
          "herald.segments.realtime.event-workers must be between 1 and " + MAX + ", not " + count);
    }
  }

  /** The feed consumer of partition {@code k}. */
  static String consumer(int k) {
    return k == 0 ? RealtimeEngine.CONSUMER : RealtimeEngine.CONSUMER + "." + k;
  }

  /** The {@code segments_feed_lock} row of partition {@code k}. */
  static String lock(int k) {
    return k == 0 ? "events" : "events." + k;
  }

  /** The headers of {@code batch} partition {@code k} evaluates. */
  List<EventHeader> of(List<EventHeader> batch, int k) {
    return count == 1 ? batch : batch.stream().filter(h -> partition(h) == k).toList();
  }

  private int partition(EventHeader header) {
    String key = "";
    if (header.subject() instanceof EventSubject.Person p) {
      key = p.cioId();
    } else if (header.subject() instanceof EventSubject.Anonymous a) {
      key = a.anonymousId();
    }
    return Math.floorMod(key.hashCode(), count);
  }

  /**
   * Makes the partitions ready before the loops start: a lock row each, and, when the stored
   * positions are not exactly this set of partitions (another count before, or a first start after
   * an upgrade from one loop), every partition at the lowest stored position and the positions of
   * partitions no longer run removed.
   */
  void prepare(DataSource dataSource, ChangeFeed feed) {
    try (var c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement("INSERT IGNORE INTO segments_feed_lock (feed) VALUES (?)")) {
      for (int k = 0; k < count; k++) {
        insert.setString(1, lock(k));
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("segments feed locks not created: " + e.getMessage(), e);
    }
    Map<String, Long> stored = new TreeMap<>();
    feed.storedPositions()
        .forEach(
            (consumer, position) -> {
              if (isPartition(consumer)) {
                stored.put(consumer, position);
              }
            });
    List<String> wanted = IntStream.range(0, count).mapToObj(EventPartitions::consumer).toList();
    if (stored.isEmpty() || stored.keySet().equals(new TreeSet<>(wanted))) {
      return;
    }
    long lowest = stored.values().stream().mapToLong(Long::longValue).min().orElse(0);
    for (String consumer : wanted) {
      feed.reposition(consumer, lowest);
    }
    for (String consumer : stored.keySet()) {
      if (!wanted.contains(consumer)) {
        feed.forget(consumer);
      }
    }
    LOG.info(
        "segments events feed: "
            + count
            + " partition(s) where "
            + stored.keySet()
            + " were; all start after event "
            + lowest);
  }

  /** Whether {@code consumer} is the position of some partition (of any count). */
  private static boolean isPartition(String consumer) {
    return consumer.equals(RealtimeEngine.CONSUMER)
        || consumer.matches(RealtimeEngine.CONSUMER.replace(".", "\\.") + "\\.[0-9]+");
  }
}
