package io.herald.segments.internal.realtime;

import io.herald.segments.internal.realtime.RebuildStore.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A node's lease on the rebuilds it claims: a rebuild's transactions save its progress, or count a
 * chunk's changes, only while {@code owner} still holds the lease on the rebuild's revision, and
 * each renews it for {@link #LENGTH}.
 *
 * @param owner this node's name in {@code segments_rebuild.lease_owner}
 * @param clock the workers' clock
 */
record RebuildLease(String owner, Clock clock) {

  /** How long a lease lasts after the rebuild's last saved step. */
  static final Duration LENGTH = Duration.ofSeconds(60);

  RebuildLease {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(clock, "clock");
  }

  /** A rebuild lost to a newer request or to another node: its transaction rolls back. */
  static final class Superseded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Superseded() {
      super("superseded by a newer rebuild request", null, false, false);
    }
  }

  /** Saves the progress {@code next}, counting the changes ({@link RebuildStore#save}). */
  void save(Connection c, Progress next, long entered, long exited) throws SQLException {
    if (!RebuildStore.save(c, next, entered, exited, owner, clock.instant().plus(LENGTH))) {
      throw new Superseded();
    }
  }

  /** Counts a chunk's changes without moving the progress ({@link RebuildStore#count}). */
  void count(Connection c, Progress at, long entered, long exited) throws SQLException {
    if (!RebuildStore.count(c, at, entered, exited, owner, clock.instant().plus(LENGTH))) {
      throw new Superseded();
    }
  }
}
