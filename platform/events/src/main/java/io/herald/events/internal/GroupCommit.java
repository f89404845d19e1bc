package io.herald.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group commit: callers hand in their items and block until they are committed; whichever caller
 * gets a writer slot writes everything queued so far in one transaction. Under load many requests
 * share one commit; alone, a request commits by itself at once (no timer, no added latency).
 *
 * <p>If a shared transaction fails, each caller's items are written again on their own, so one
 * caller's bad row never fails another caller's request.
 *
 * @param <T> the row type
 */
final class GroupCommit<T> {

  /** Writes and commits rows in one transaction, or throws and commits nothing. */
  @FunctionalInterface
  interface Writer<T> {
    void write(List<T> rows) throws Exception;
  }

  private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
  private final Semaphore writers;
  private final int maxRowsPerCommit;
  private final Writer<T> writer;
  private final LongAdder commits = new LongAdder();
  private final LongAdder rows = new LongAdder();

  GroupCommit(int parallelWriters, int maxRowsPerCommit, Writer<T> writer) {
    if (parallelWriters < 1 || maxRowsPerCommit < 1) {
      throw new IllegalArgumentException("writers and rows per commit must be positive");
    }
    this.writers = new Semaphore(parallelWriters, true);
    this.maxRowsPerCommit = maxRowsPerCommit;
    this.writer = writer;
  }

  /**
   * Returns once {@code items} are committed.
   *
   * @throws CommitFailedException when they could not be written (nothing of them is committed)
   */
  void submit(List<T> items) {
    if (items.isEmpty()) {
      return;
    }
    Pending<T> mine = new Pending<>(List.copyOf(items));
    queue.add(mine);
    while (!mine.done.isDone()) {
      writers.acquireUninterruptibly();
      try {
        if (!mine.done.isDone()) {
          flush();
        }
      } finally {
        writers.release();
      }
    }
    try {
      mine.done.get();
    } catch (ExecutionException e) {
      throw new CommitFailedException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommitFailedException(e);
    }
  }

  /** Callers whose rows wait for a commit. */
  int queued() {
    return queue.size();
  }

  /** Commits so far. */
  long commits() {
    return commits.sum();
  }

  /** Rows committed so far. */
  long rows() {
    return rows.sum();
  }

  private void flush() {
    List<Pending<T>> group = new ArrayList<>();
    List<T> batch = new ArrayList<>();
    Pending<T> next;
    while (batch.size() < maxRowsPerCommit && (next = queue.poll()) != null) {
      group.add(next);
      batch.addAll(next.items);
    }
    if (group.isEmpty()) {
      return;
    }
    try {
      writer.write(batch);
      commits.increment();
      rows.add(batch.size());
      group.forEach(p -> p.done.complete(null));
    } catch (Exception shared) {
      if (group.size() == 1) {
        group.get(0).done.completeExceptionally(shared);
        return;
      }
      for (Pending<T> p : group) {
        try {
          writer.write(p.items);
          commits.increment();
          rows.add(p.items.size());
          p.done.complete(null);
        } catch (Exception own) {
          p.done.completeExceptionally(own);
        }
      }
    }
  }

  private record Pending<T>(List<T> items, CompletableFuture<Void> done) {
    Pending(List<T> items) {
      this(items, new CompletableFuture<>());
    }
  }

  /** The rows could not be committed. */
  static final class CommitFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommitFailedException(Throwable cause) {
      super("events could not be committed: " + cause.getMessage(), cause);
    }
  }
}
