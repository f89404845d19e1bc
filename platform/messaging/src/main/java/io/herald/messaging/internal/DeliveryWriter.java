package io.herald.messaging.internal;

import io.herald.shared.ingest.GroupCommit;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Inserts new deliveries group-committed ({@link GroupCommit}): concurrent sends share one commit,
 * each caller returns once its rows are committed, and a row that cannot be written fails only its
 * own caller (the shared group is written again caller by caller). The rows of a commit go in with
 * multi-row statements ({@link DeliveryInserts}). Each lane has its own group commit and writers: a
 * transactional send (one row) never waits behind a bulk batch's commit of a thousand rows, which
 * took over a second under load and set the transactional API's latency during a bulk send.
 */
@ApplicationScoped
public class DeliveryWriter {

  /**
   * A delivery to insert, the time it was queued and its idempotency key (null for none: a send
   * with a key the workspace already used fails the insert, see {@link IdempotentSends}).
   */
  record Row(DeliveryStore.NewDelivery delivery, Instant now, String idempotencyKey) {

    /** A delivery without an idempotency key. */
    Row(DeliveryStore.NewDelivery delivery, Instant now) {
      this(delivery, now, null);
    }
  }

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  /** How many group commits of deliveries may run at once on this node. */
  @Inject
  @ConfigProperty(name = "herald.messaging.enqueue.writers", defaultValue = "2")
  int writers;

  /** The most deliveries one group commit takes (a caller's rows are never split). */
  @Inject
  @ConfigProperty(name = "herald.messaging.enqueue.max-rows-per-commit", defaultValue = "1000")
  int maxRowsPerCommit;

  private GroupCommit<Row, Long> transactional;
  private GroupCommit<Row, Long> bulk;

  @PostConstruct
  void start() {
    transactional = new GroupCommit<>(writers, maxRowsPerCommit, this::writeAll);
    bulk = new GroupCommit<>(writers, maxRowsPerCommit, this::writeAll);
  }

  /**
   * Inserts {@code rows} (one caller's, all on one lane) and returns their primary keys once
   * committed, all or none.
   *
   * @throws GroupCommit.CommitFailedException when they could not be written
   */
  List<Long> insert(List<Row> rows) {
    return laneOf(rows).submit(rows);
  }

  private GroupCommit<Row, Long> laneOf(List<Row> rows) {
    return !rows.isEmpty() && BulkSends.LANE_BULK.equals(rows.get(0).delivery().lane())
        ? bulk
        : transactional;
  }

  /** Callers waiting for a writer, both lanes (for tests). */
  int queued() {
    return transactional.queued() + bulk.queued();
  }

  /** Commits so far, both lanes (for tests and benchmarks). */
  long commits() {
    return transactional.commits() + bulk.commits();
  }

  private List<Long> writeAll(List<Row> rows) {
    return Transactions.inTransaction(
        dataSource, "messaging", c -> DeliveryInserts.insertAll(c, rows));
  }
}
