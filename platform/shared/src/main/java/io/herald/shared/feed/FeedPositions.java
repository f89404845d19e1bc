package io.herald.shared.feed;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A node's consumers of one feed, whose positions move forward in memory and are stored at most
 * every {@code saveEvery} (or at once when the consumer asks): a consumer that reads an empty or
 * irrelevant slice writes nothing, and a busy one writes its cursor about once per {@code
 * saveEvery} instead of once per slice. Reads start after the later of the stored and the in-memory
 * position, so a consumer never goes back on its own node and catches up with what another node
 * stored.
 *
 * <p>Replay safety: after a crash (or on another node) a consumer reads again from the stored
 * position, so it must be idempotent for what it only {@link #advance advanced} past; it {@link
 * #acknowledge acknowledges} (stores at once) slices whose effects would not be idempotent, or
 * stores the position in the transaction of its work ({@link #acknowledge(Connection, String,
 * long)}), at no extra commit.
 */
public final class FeedPositions {

  /** How long an in-memory position may stay unstored by default. */
  public static final Duration SAVE_EVERY = Duration.ofSeconds(1);

  private final FeedCursor cursor;
  private final DataSource dataSource;
  private final Clock clock;
  private final long saveEveryMillis;
  private final Map<String, Position> positions = new ConcurrentHashMap<>();

  /** One consumer's positions; its methods run on the consumer's thread or at shutdown. */
  private static final class Position {
    private long current;
    private long stored;
    private long storedAt;

    private Position(long now) {
      storedAt = now;
    }
  }

  /**
   * @param saveEvery the longest an advanced position stays in memory only
   */
  public FeedPositions(FeedCursor cursor, DataSource dataSource, Clock clock, Duration saveEvery) {
    this.cursor = cursor;
    this.dataSource = dataSource;
    this.clock = clock;
    this.saveEveryMillis = saveEvery.toMillis();
  }

  /**
   * Reads up to {@code max} entries after the consumer's position (see {@link FeedCursor#read}); an
   * empty read stores a position left unstored for longer than {@code saveEvery}, so an idle
   * consumer's stored position catches up once and then nothing is written.
   */
  public <T> FeedCursor.Slice<T> read(
      String consumer, String select, int settleSeconds, int max, FeedCursor.RowMapper<T> mapper) {
    Position p = of(consumer);
    long from;
    synchronized (p) {
      from = p.current;
    }
    FeedCursor.Slice<T> slice =
        cursor.read(dataSource, consumer, from, select, settleSeconds, max, mapper);
    if (slice.entries().isEmpty()) {
      saveIfDue(consumer, p);
    }
    return slice;
  }

  /**
   * Moves the consumer past {@code position} in memory; stores it when the last store is older than
   * {@code saveEvery}. For slices whose handling is idempotent (or had no effect).
   */
  public void advance(String consumer, long position) {
    Position p = of(consumer);
    synchronized (p) {
      p.current = Math.max(p.current, position);
    }
    saveIfDue(consumer, p);
  }

  /** Moves the consumer past {@code position} and stores it now. */
  public void acknowledge(String consumer, long position) {
    Position p = of(consumer);
    synchronized (p) {
      p.current = Math.max(p.current, position);
      save(consumer, p);
    }
  }

  /**
   * Stores the position in the caller's transaction, so it commits (or rolls back) with the work
   * and costs no commit of its own; call {@link #advance} once the transaction committed.
   */
  public void acknowledge(Connection transaction, String consumer, long position)
      throws SQLException {
    cursor.acknowledge(transaction, consumer, position);
    Position p = of(consumer);
    synchronized (p) {
      // Counted as stored already: rolled back, the batch is handled again and stored then.
      p.stored = Math.max(p.stored, position);
      p.storedAt = clock.millis();
    }
  }

  /** Where the consumer got to: the later of its in-memory and stored positions. */
  public long position(String consumer) {
    long stored = cursor.position(dataSource, consumer);
    Position p = positions.get(consumer);
    if (p == null) {
      return stored;
    }
    synchronized (p) {
      return Math.max(p.current, stored);
    }
  }

  /** Stores every position not stored yet (at shutdown). */
  public void saveAll() {
    positions.forEach(
        (consumer, p) -> {
          synchronized (p) {
            if (p.current > p.stored) {
              save(consumer, p);
            }
          }
        });
  }

  private void saveIfDue(String consumer, Position p) {
    synchronized (p) {
      if (p.current > p.stored && clock.millis() - p.storedAt >= saveEveryMillis) {
        save(consumer, p);
      }
    }
  }

  private void save(String consumer, Position p) {
    cursor.acknowledge(dataSource, consumer, p.current);
    p.stored = p.current;
    p.storedAt = clock.millis();
  }

  private Position of(String consumer) {
    return positions.computeIfAbsent(consumer, c -> new Position(clock.millis()));
  }
}
