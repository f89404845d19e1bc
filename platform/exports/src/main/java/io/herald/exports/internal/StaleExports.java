package io.herald.exports.internal;

import io.herald.shared.lifecycle.DatabaseReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fails exports whose job died with its node. A running job records progress after every page of
 * people and every chunk (milliseconds apart); a pending export whose last progress is older than
 * {@code herald.exports.stale-minutes} (default 10) cannot be running any more, so it is marked
 * failed with {@link #reason()}. The sweep runs when a node starts ({@link DatabaseReady}) and
 * before exports are read, so a client polling an export sees the failure.
 */
@ApplicationScoped
public class StaleExports {

  private static final Logger LOG = Logger.getLogger(StaleExports.class.getName());

  @Inject
  @ConfigProperty(name = "herald.exports.stale-minutes", defaultValue = "10")
  int staleMinutes;

  @Inject ExportRepository exports;

  @Inject Clock clock;

  void onDatabaseReady(@Observes DatabaseReady ready) {
    try {
      int failed = sweep();
      if (failed > 0) {
        LOG.info(() -> "marked " + failed + " abandoned export(s) failed");
      }
    } catch (RuntimeException e) {
      // Never block a node's start: the next read sweeps again.
      LOG.log(Level.WARNING, "could not sweep abandoned exports", e);
    }
  }

  /** Marks every stale pending export failed; returns how many. */
  int sweep() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(Duration.ofMinutes(Math.max(1, staleMinutes)));
    int failed = 0;
    for (long id : exports.stale(cutoff)) {
      if (exports.fail(id, reason(), now)) {
        failed++;
      }
    }
    return failed;
  }

  /** The failure reason of an abandoned export. */
  String reason() {
    return "no progress for "
        + Math.max(1, staleMinutes)
        + " minutes: the node running the export stopped or restarted (or no thread was free"
        + " to run it); create the export again";
  }
}
