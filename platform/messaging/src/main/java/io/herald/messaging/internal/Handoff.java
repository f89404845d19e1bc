package io.herald.messaging.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Transactional deliveries handed from the request that queued them straight to this node's sending
 * loop, without a claim through the database. The request reserves a place first, then inserts its
 * deliveries already claimed (state {@code sending}, leased to this node, the {@code attempted}
 * metric written with them, see {@link DeliveryInserts}) and hands them over here once committed.
 * The loop sends them as it sends a claimed batch; if this node stops before that, their lease runs
 * out and any node's claim sends them, as it would a batch this node had claimed.
 *
 * <p>A delivery still waiting here when less than the margin of its lease is left is not taken
 * (another node may claim it once the lease ends): it is left to a claim through the database.
 *
 * <p>Bounded: a request that finds no room queues its deliveries through the database as before.
 * Closed (no room) while the node's sending loop is not running.
 */
final class Handoff {

  private final Semaphore room;
  private final ConcurrentLinkedQueue<Leased> queue = new ConcurrentLinkedQueue<>();
  private volatile boolean open;

  /**
   * @param capacity the most deliveries waiting at once
   */
  Handoff(int capacity) {
    this.room = new Semaphore(Math.max(0, capacity));
  }

  /** Starts taking deliveries (the lane's loop runs). */
  void open() {
    open = true;
  }

  /** Stops taking deliveries; those already handed over stay until taken or their lease ends. */
  void close() {
    open = false;
  }

  /** Reserves places for {@code n} deliveries; false when closed or full. */
  boolean reserve(int n) {
    return open && n > 0 && room.tryAcquire(n);
  }

  /** Gives back places reserved for deliveries that were not written. */
  void release(int n) {
    room.release(n);
  }

  /** A delivery written claimed by this node until {@code until}. */
  private record Leased(DeliveryQueue.Claimed delivery, Instant until) {}

  /**
   * Hands over deliveries written claimed by this node until {@code leaseUntil}, in the places
   * reserved for them.
   */
  void offer(List<DeliveryQueue.Claimed> claimed, Instant leaseUntil) {
    for (DeliveryQueue.Claimed d : claimed) {
      queue.add(new Leased(d, leaseUntil));
    }
  }

  /**
   * Takes up to {@code max} handed-over deliveries, oldest first, freeing their places; those whose
   * lease ends before {@code sendableUntil} are dropped from here (a claim sends them once their
   * lease has run out).
   */
  List<DeliveryQueue.Claimed> take(int max, Instant sendableUntil) {
    List<DeliveryQueue.Claimed> taken = new ArrayList<>(Math.min(max, 16));
    int polled = 0;
    Leased d;
    while (taken.size() < max && (d = queue.poll()) != null) {
      polled++;
      if (!d.until().isBefore(sendableUntil)) {
        taken.add(d.delivery());
      }
    }
    room.release(polled);
    return taken;
  }

  /** Deliveries waiting (for tests). */
  int waiting() {
    return queue.size();
  }
}
