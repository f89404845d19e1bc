package io.herald.events.api;

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

  /** Records that {@code consumer} handled {@code batch}; its next read starts after it. */
  void acknowledge(String consumer, FeedBatch batch);

  /** The consumer's acknowledged position (0 before its first acknowledgement). */
  long position(String consumer);

  /**
   * Gives {@code consumer}, when it has no position yet, one at the feed's current end, so its
   * first read starts with what is written from now on instead of the whole history (a consumer
   * that reacts to changes, such as a trigger, has nothing to do with older ones); a consumer with
   * a position keeps it. Returns the consumer's position.
   */
  long startAtEnd(String consumer);
}
