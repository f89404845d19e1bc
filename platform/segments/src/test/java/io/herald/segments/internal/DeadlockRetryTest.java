package io.herald.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.segments.api.condition.InvalidConditionException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Write transactions run again after losing a lock conflict, and only then. */
class DeadlockRetryTest {

  private static RuntimeException deadlock() {
    return new PersistenceException(
        "flush failed",
        new SQLTransactionRollbackException(
            "Deadlock found when trying to get lock", "40001", 1213));
  }

  @Test
  void aDeadlockVictimRunsAgain() {
    AtomicInteger runs = new AtomicInteger();
    String result =
        DeadlockRetry.run(
            () -> {
              if (runs.incrementAndGet() < 3) {
                throw deadlock();
              }
              return "done";
            });
    assertThat(result).isEqualTo("done");
    assertThat(runs).hasValue(3);
  }

  @Test
  void givesUpAfterThreeRuns() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(
            () ->
                DeadlockRetry.run(
                    () -> {
                      runs.incrementAndGet();
                      throw deadlock();
                    }))
        .isInstanceOf(PersistenceException.class);
    assertThat(runs).hasValue(3);
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(
            () ->
                DeadlockRetry.run(
                    () -> {
                      runs.incrementAndGet();
                      throw new InvalidConditionException("$.condition", "bad");
                    }))
        .isInstanceOf(InvalidConditionException.class);
    assertThat(runs).hasValue(1);
    assertThat(
            DeadlockRetry.isLockConflict(
                new RuntimeException(
                    new SQLException("Lock wait timeout exceeded", "HY000", 1205))))
        .isTrue();
    assertThat(
            DeadlockRetry.isLockConflict(
                new RuntimeException(new SQLException("Duplicate entry", "23000", 1062))))
        .isFalse();
  }
}
