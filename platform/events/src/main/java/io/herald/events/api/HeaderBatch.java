package io.herald.events.api;

import java.util.List;

/**
 * The headers of events a change-feed consumer has not handled yet ({@link
 * ChangeFeed#readHeaders}).
 *
 * @param position acknowledge this (as {@code new FeedBatch(position, handled)}) after handling the
 *     events: the consumer's next read starts after it
 * @param headers committed events in id order, with no hole a transaction in flight may still fill
 */
public record HeaderBatch(long position, List<EventHeader> headers) {

  /** Copies the list. */
  public HeaderBatch {
    headers = List.copyOf(headers);
  }

  /** The batch to acknowledge once {@code handled}, the events loaded of these headers, are. */
  public FeedBatch handled(List<RecordedEvent> handled) {
    return new FeedBatch(position, handled);
  }
}
