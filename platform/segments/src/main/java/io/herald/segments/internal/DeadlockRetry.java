package io.herald.segments.internal;

import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a write transaction again when the database chose it as a deadlock victim (or it timed out
 * waiting for a lock): it was rolled back whole, so nothing it did remains. Segment definition
 * writes lock the workspace's segment rows and then the rebuild request row, while a rebuild worker
 * claiming a request locks them the other way round; InnoDB resolves that by rolling one back.
 */
final class DeadlockRetry {

  private static final Logger LOG = Logger.getLogger(DeadlockRetry.class.getName());
  private static final int ATTEMPTS = 3;

  /** MySQL/MariaDB: deadlock found, lock wait timeout. */
  private static final int DEADLOCK = 1213;

  private static final int LOCK_WAIT_TIMEOUT = 1205;

  private DeadlockRetry() {}

  static <T> T run(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isLockConflict(e)) {
          throw e;
        }
        LOG.log(Level.FINE, "segment write lost a lock conflict; running it again", e);
      }
    }
  }

  static boolean isLockConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && (sql.getErrorCode() == DEADLOCK
              || sql.getErrorCode() == LOCK_WAIT_TIMEOUT
              || "40001".equals(sql.getSQLState()))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
