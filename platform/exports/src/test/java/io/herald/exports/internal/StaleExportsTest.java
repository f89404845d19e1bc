package io.herald.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.exports.api.ExportStatus;
import io.herald.shared.lifecycle.DatabaseReady;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StaleExportsTest {

  private final FakeExports exports = new FakeExports();
  private final StaleExports stale = new StaleExports();

  StaleExportsTest() {
    stale.exports = exports;
    stale.clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
    stale.staleMinutes = 10;
  }

  @Test
  void pendingExportsWithoutProgressForTheThresholdAreFailedWithAReason() {
    exports.staleIds.add(9L);
    assertThat(stale.sweep()).isEqualTo(1);
    assertThat(exports.staleCutoff).isEqualTo(Instant.parse("2026-01-01T11:50:00Z"));
    assertThat(exports.status).isEqualTo(ExportStatus.FAILED);
    assertThat(exports.failureReason)
        .isEqualTo(
            "no progress for 10 minutes: the node running the export stopped or restarted (or no"
                + " thread was free to run it); create the export again");
    assertThat(stale.sweep()).as("already failed: counted once").isZero();
  }

  @Test
  void nodeStartSweepsAndNeverFailsTheStart() {
    exports.staleIds.add(9L);
    stale.onDatabaseReady(new DatabaseReady("MariaDB"));
    assertThat(exports.status).isEqualTo(ExportStatus.FAILED);

    StaleExports broken = new StaleExports();
    broken.exports =
        new FakeExports() {
          @Override
          java.util.List<Long> stale(Instant cutoff) {
            throw new IllegalStateException("no database");
          }
        };
    broken.clock = stale.clock;
    broken.onDatabaseReady(new DatabaseReady("MariaDB")); // logs, does not throw
  }
}
