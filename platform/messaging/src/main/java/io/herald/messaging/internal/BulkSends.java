package io.herald.messaging.internal;

import io.herald.messaging.api.BulkSendResult;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.shared.ingest.GroupCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bulk enqueue path: every entry checked and rendered like a transactional send, then all the
 * deliveries inserted on the {@code bulk} lane through the group commit (one commit for up to
 * {@code herald.messaging.enqueue.max-rows-per-commit} rows). If that shared insert fails, the rows
 * are inserted one by one so a bad row is reported at its index and the others are still queued.
 */
final class BulkSends {

  static final String LANE_BULK = "bulk";

  private BulkSends() {}

  /**
   * Prepares (checks and renders) every entry holding a permit of {@code gate}, then inserts them
   * without it: a batch waiting for its commit does not keep another from rendering. {@code
   * stepAside} runs before each entry and before the insert (waiting for the transactional sends
   * being handled): the insert of a thousand deliveries is a burst of CPU here and in the database.
   *
   * @param preparer called once the batch holds its permit; what it returns prepares each entry.
   *     What the batch reads ahead (its people and their suppressions) is read then, not while it
   *     waits: batches waiting their turn hold only their entries, and less of what every batch
   *     holds lives long enough to be promoted to the old generation.
   */
  static List<BulkSendResult> enqueue(
      List<EmailSend> sends,
      Supplier<Function<EmailSend, PreparedSend>> preparer,
      Runnable stepAside,
      Semaphore gate,
      DeliveryWriter writer,
      MessagingWorkers workers) {
    BulkSendResult[] results = new BulkSendResult[sends.size()];
    List<PreparedSend> prepared = new ArrayList<>(sends.size());
    List<Integer> indexes = new ArrayList<>(sends.size());
    gate.acquireUninterruptibly();
    try {
      Function<EmailSend, PreparedSend> prepare = preparer.get();
      for (int i = 0; i < sends.size(); i++) {
        stepAside.run();
        try {
          prepared.add(prepare.apply(sends.get(i)).onLane(LANE_BULK));
          indexes.add(i);
        } catch (InvalidMessageException | NotFoundException e) {
          results[i] = BulkSendResult.refused(e.getMessage());
        }
      }
    } finally {
      gate.release();
    }
    List<DeliveryWriter.Row> rows = new ArrayList<>(prepared.size());
    prepared.forEach(p -> rows.addAll(p.rows()));
    stepAside.run();
    try {
      writer.insert(rows);
      for (int k = 0; k < prepared.size(); k++) {
        results[indexes.get(k)] = BulkSendResult.queued(prepared.get(k).receipt());
      }
    } catch (GroupCommit.CommitFailedException shared) {
      for (int k = 0; k < prepared.size(); k++) {
        try {
          writer.insert(prepared.get(k).rows());
          results[indexes.get(k)] = BulkSendResult.queued(prepared.get(k).receipt());
        } catch (GroupCommit.CommitFailedException own) {
          results[indexes.get(k)] = BulkSendResult.refused("could not be queued");
        }
      }
    }
    if (prepared.stream().anyMatch(PreparedSend::dueNow)) {
      workers.wake(LANE_BULK);
    }
    return List.of(results);
  }
}
