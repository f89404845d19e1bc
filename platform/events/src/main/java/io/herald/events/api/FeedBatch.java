package io.herald.events.api;

import java.util.List;

/**
 * Events a change-feed consumer has not handled yet.
 *
 * @param position acknowledge this after handling {@code events}: the consumer's next read starts
 *     after it
 * @param events committed events in id order, with no hole a transaction in flight may still fill
 */
public record FeedBatch(long position, List<RecordedEvent> events) {

  /** Copies the list. */
  public FeedBatch {
    events = List.copyOf(events);
  }
}
