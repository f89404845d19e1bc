package io.herald.events.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every committed event, in commit-safe order, for consumers that keep a durable position
 * (segments, journeys). Delivery is at least once: a consumer that crashes before {@link
 * #acknowledge} reads the same events again, so consumers must be idempotent. No event is ever
 * skipped: the feed stops before a hole in the ids until the transaction that owns it has either
 * committed or certainly ended.
 */
public interface ChangeFeed {

  /** At most {@code max} events after {@code consumer}'s acknowledged position. */
  FeedBatch read(String consumer, int max);

  /**
   * As {@link #read}, but only the events' headers: a consumer that acts on few of them picks those
   * and loads them with {@link #events}, and the others cost no reading of their data and context.
   */
  HeaderBatch readHeaders(String consumer, int max);

  /**
   * The committed events with these ids, whole, in id order (ids from {@link #readHeaders}; an
   * event deleted since is left out).
   */
  List<RecordedEvent> events(Collection<Long> ids);

  /**
   * Records that {@code consumer} handled {@code batch} and stores its position now; its next read
   * starts after it.
   */
  void acknowledge(String consumer, FeedBatch batch);

  /**
   * Stores {@code consumer}'s position after {@code batch} in the caller's transaction on {@code
   * transaction}: it commits (or rolls back) with the handling and costs no commit of its own. Call
   * {@link #advance} once the transaction committed.
   */
  void acknowledge(Connection transaction, String consumer, FeedBatch batch) throws SQLException;

  /**
   * Records that {@code consumer} handled {@code batch} in this node's memory and stores the
   * position at most about once a second: its next read on this node starts after it, but after a
   * crash (or on another node) it may read the batch again. For batches whose handling is
   * idempotent or had no effect; an idle or uninterested consumer so writes (and commits) nothing
   * per batch.
   */
  void advance(String consumer, FeedBatch batch);

  /**
   * Where the consumer got to: the later of its stored and (on this node) in-memory positions, 0
   * before any.
   */
  long position(String consumer);

  /**
   * Gives {@code consumer}, when it has no position yet, one at the feed's current end, so its
   * first read starts with what is written from now on instead of the whole history (a consumer
   * that reacts to changes, such as a trigger, has nothing to do with older ones); a consumer with
   * a position keeps it. Returns the consumer's position.
   */
  long startAtEnd(String consumer);

  /** Every consumer's stored position, by consumer name (one that stored none is absent). */
  Map<String, Long> storedPositions();

  /**
   * Sets {@code consumer}'s stored position, backwards too, creating it when missing: for a
   * consumer that no node is reading yet (at start), whose next read starts after it.
   */
  void reposition(String consumer, long position);

  /** Removes {@code consumer}'s stored position (a consumer that is gone for good). */
  void forget(String consumer);
}
