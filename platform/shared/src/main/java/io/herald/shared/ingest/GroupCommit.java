package io.herald.shared.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit: callers hand in their items and block until they are committed; whichever caller
 * gets a writer slot writes everything queued so far in one transaction. Under load many requests
 * share one commit; alone, a request commits by itself at once (no timer, no added latency).
 *
 * <p>Waiting callers are woken directly: the writer wakes each caller whose items it committed, and
 * on leaving its slot wakes the caller at the head of the queue to take the next group. (Queueing
 * every caller on the writer semaphore instead makes each of them acquire and release it in turn,
 * one context switch after another, before the next group can start.)
 *
 * <p>If a shared transaction fails, each caller's items are written again on their own, so one
 * caller's bad item never fails another caller's request.
 *
 * @param <T> the item type
 * @param <R> what writing an item yields (its outcome), one per item
 */
public final class GroupCommit<T, R> {

  /** Writes and commits items in one transaction, or throws and commits nothing. */
  @FunctionalInterface
  public interface Writer<T, R> {
    /**
     * Writes {@code items} in one transaction.
     *
     * @return one result per item, in the order of {@code items}
     */
    List<R> write(List<T> items) throws Exception;
  }

  private final Queue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
  private final Semaphore writers;
  private final int maxItemsPerCommit;
  private final Writer<T, R> writer;
  private final LongAdder commits = new LongAdder();
  private final LongAdder committed = new LongAdder();

  /**
   * @param parallelWriters how many groups may be written at once
   * @param maxItemsPerCommit the most items one group takes (a caller's items are never split)
   */
  public GroupCommit(int parallelWriters, int maxItemsPerCommit, Writer<T, R> writer) {
    if (parallelWriters < 1 || maxItemsPerCommit < 1) {
      throw new IllegalArgumentException("writers and items per commit must be positive");
    }
    this.writers = new Semaphore(parallelWriters);
    this.maxItemsPerCommit = maxItemsPerCommit;
    this.writer = writer;
  }

  /**
   * Returns once {@code items} are committed.
   *
   * @return the writer's result for each item, in order
   * @throws CommitFailedException when they could not be written (nothing of them is committed)
   */
  public List<R> submit(List<T> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    Pending<T, R> mine = new Pending<>(List.copyOf(items), Thread.currentThread());
    queue.add(mine);
    while (!mine.done) {
      if (!mine.taken && writers.tryAcquire()) {
        try {
          while (!mine.taken) {
            flush();
          }
        } finally {
          writers.release();
        }
        // Items queued while this caller wrote need a writer: wake the oldest waiting caller.
        Pending<T, R> next = queue.peek();
        if (next != null) {
          next.nudge();
        }
      } else {
        mine.await();
      }
    }
    if (mine.failure != null) {
      throw new CommitFailedException(mine.failure);
    }
    return mine.results;
  }

  /** Callers whose items wait for a writer. */
  public int queued() {
    return queue.size();
  }

  /** Commits so far. */
  public long commits() {
    return commits.sum();
  }

  /** Items committed so far. */
  public long items() {
    return committed.sum();
  }

  private void flush() {
    List<Pending<T, R>> group = new ArrayList<>();
    List<T> batch = new ArrayList<>();
    Pending<T, R> next;
    while (batch.size() < maxItemsPerCommit && (next = queue.poll()) != null) {
      next.taken = true;
      group.add(next);
      batch.addAll(next.items);
    }
    if (group.isEmpty()) {
      return;
    }
    try {
      List<R> results = write(batch);
      int from = 0;
      for (Pending<T, R> p : group) {
        p.succeed(results.subList(from, from + p.items.size()));
        from += p.items.size();
      }
    } catch (Exception shared) {
      if (group.size() == 1) {
        group.get(0).fail(shared);
        return;
      }
      for (Pending<T, R> p : group) {
        try {
          p.succeed(write(p.items));
        } catch (Exception own) {
          p.fail(own);
        }
      }
    } catch (Error e) {
      group.forEach(p -> p.fail(e));
      throw e;
    }
  }

  private List<R> write(List<T> batch) throws Exception {
    List<R> results = writer.write(batch);
    if (results == null || results.size() != batch.size()) {
      throw new IllegalStateException(
          "the writer returned "
              + (results == null ? "no" : results.size())
              + " results for "
              + batch.size()
              + " items");
    }
    commits.increment();
    committed.add(batch.size());
    return results;
  }

  /** One caller's items and how their writing ended. */
  private static final class Pending<T, R> {
    final List<T> items;
    final Thread owner;
    volatile boolean taken;
    volatile boolean nudged;
    volatile boolean done;
    List<R> results;
    Throwable failure;

    Pending(List<T> items, Thread owner) {
      this.items = items;
      this.owner = owner;
    }

    void succeed(List<R> results) {
      this.results = java.util.Collections.unmodifiableList(new ArrayList<>(results));
      finish();
    }

    void fail(Throwable failure) {
      this.failure = failure;
      finish();
    }

    private void finish() {
      done = true; // publishes results/failure (written before this volatile write)
      LockSupport.unpark(owner);
    }

    /** Asks the owner to take a writer slot (it may find its items taken meanwhile). */
    void nudge() {
      nudged = true;
      LockSupport.unpark(owner);
    }

    /** Blocks until the items are written or the owner is asked to write. */
    void await() {
      while (!done && !nudged) {
        LockSupport.park(this);
      }
      nudged = false;
    }
  }

  /** The items could not be committed. */
  public static final class CommitFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommitFailedException(Throwable cause) {
      super("could not be committed: " + cause.getMessage(), cause);
    }
  }
}
