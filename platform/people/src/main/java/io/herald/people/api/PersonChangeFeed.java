package io.herald.people.api;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Every committed person change ({@link PersonChange}: created, attribute_change,
 * failed_attribute_change, merged) of every workspace, in id order, for consumers that keep a
 * durable position (segments). Same guarantees as the events change feed: delivery is at least once
 * (a consumer that crashes before {@link #acknowledge} reads the same changes again, so consumers
 * must be idempotent), and no change is ever skipped: the feed stops before a hole in the ids until
 * the transaction that owns it has either committed or certainly ended ({@code
 * herald.people.feed-settle-seconds}). A deleted person's changes are deleted with them: their ids
 * become holes, passed once settled.
 */
public interface PersonChangeFeed {

  /** At most {@code max} changes after {@code consumer}'s acknowledged position. */
  Batch read(String consumer, int max);

  /**
   * Records that {@code consumer} handled {@code batch} and stores its position now; its next read
   * starts after it.
   */
  void acknowledge(String consumer, Batch batch);

  /**
   * Stores {@code consumer}'s position after {@code batch} in the caller's transaction on {@code
   * transaction}: it commits (or rolls back) with the handling and costs no commit of its own. Call
   * {@link #advance} once the transaction committed.
   */
  void acknowledge(Connection transaction, String consumer, Batch batch) throws SQLException;

  /**
   * Records that {@code consumer} handled {@code batch} in this node's memory and stores the
   * position at most about once a second: its next read on this node starts after it, but after a
   * crash (or on another node) it may read the batch again. For batches whose handling is
   * idempotent or had no effect.
   */
  void advance(String consumer, Batch batch);

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

  /**
   * Changes a consumer has not handled yet.
   *
   * @param position acknowledge this after handling {@code changes}
   * @param changes committed changes in id order, with no hole a transaction in flight may fill
   */
  record Batch(long position, List<Entry> changes) {
    /** Copies the list. */
    public Batch {
      changes = List.copyOf(changes);
    }
  }

  /**
   * One change with its workspace.
   *
   * @param workspaceId the workspace's numeric id
   * @param change the change ({@link PersonChange#data()} as documented there)
   */
  record Entry(long workspaceId, PersonChange change) {
    /** The changed attribute names of an {@code attribute_change} or {@code created}. */
    public List<String> attributeNames() {
      JsonObject attributes = change.data().getJsonObject("attributes");
      return attributes == null ? List.of() : List.copyOf(attributes.keySet());
    }
  }
}
