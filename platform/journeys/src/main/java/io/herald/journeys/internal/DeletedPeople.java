package io.herald.journeys.internal;

import io.herald.shared.persistence.Transactions;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * A deleted (or suppressed) person's journey state goes with them, in one short transaction: their
 * date-trigger schedule rows are deleted (they would otherwise wait until due), and their active
 * runs exit with reason {@code person_deleted} (timers deleted, entry keys released, the step log
 * kept for the journey's history and metrics).
 */
final class DeletedPeople {

  /** The exit reason of a deleted person's runs. */
  static final String REASON = "person_deleted";

  private final DataSource dataSource;
  private final Clock clock;
  private final StepRunner steps;

  DeletedPeople(DataSource dataSource, Clock clock, StepRunner steps) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.steps = steps;
  }

  /**
   * Forgets a deleted person.
   *
   * @return the runs that exited
   */
  int forget(long workspaceId, String cioId) {
    return Transactions.inTransaction(
        dataSource,
        "journeys deleted person",
        c -> {
          Sql.update(
              c,
              "DELETE FROM journeys_date_schedule WHERE workspace_id = ? AND cio_id = ?",
              workspaceId,
              cioId);
          int exited = 0;
          // Locked in id order, as the timer batches and the triggers lock runs.
          for (StoredRun run : RunStore.activeOf(c, workspaceId, cioId)) {
            steps.exit(c, run, run.node(), REASON, clock.instant());
            exited++;
          }
          return exited;
        });
  }
}
