package io.herald.plugins.devoutbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The latest accepted messages of one provider, at most {@code capacity}, oldest dropped first. It
 * feeds the provider's health line only; nothing reads the messages back. Thread-safe.
 */
final class Outbox {

  /**
   * What is remembered of one message: no addresses, subjects or bodies.
   *
   * @param providerMessageId the id answered to the host
   * @param recipientDomain the recipient's domain, lower-cased
   * @param senderDomain the sender's domain, empty when the message had no sender
   * @param acceptedAt when it was accepted, by the context's clock
   */
  record Entry(
      String providerMessageId, String recipientDomain, String senderDomain, Instant acceptedAt) {}

  private final int capacity;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private long accepted;

  Outbox(int capacity) {
    this.capacity = capacity;
  }

  int capacity() {
    return capacity;
  }

  synchronized void add(Entry entry) {
    accepted++;
    if (capacity == 0) {
      return;
    }
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  /** Messages accepted since the provider was created. */
  synchronized long accepted() {
    return accepted;
  }

  /** The number of messages remembered now. */
  synchronized int kept() {
    return entries.size();
  }

  /** One line: counts and the latest message. */
  synchronized String describe() {
    StringBuilder line =
        new StringBuilder("dev outbox, nothing is sent: ")
            .append(accepted)
            .append(" accepted, ")
            .append(entries.size())
            .append(" kept (keep ")
            .append(capacity)
            .append(")");
    Entry latest = entries.peekLast();
    if (latest != null) {
      line.append("; latest ").append(latest.providerMessageId());
      if (!latest.senderDomain().isEmpty()) {
        line.append(" from @").append(latest.senderDomain());
      }
      line.append(" to @")
          .append(latest.recipientDomain())
          .append(" at ")
          .append(latest.acceptedAt());
    }
    return line.toString();
  }
}
