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
 * multi-row statements ({@link DeliveryInserts}).
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

  private GroupCommit<Row, Long> group;

  @PostConstruct
  void start() {
    group = new GroupCommit<>(writers, maxRowsPerCommit, this::writeAll);
  }

  /**
   * Inserts {@code rows} and returns their primary keys once committed, all or none.
   *
   * @throws GroupCommit.CommitFailedException when they could not be written
   */
  List<Long> insert(List<Row> rows) {
    return group.submit(rows);
  }

  /** Callers waiting for a writer (for tests). */
  int queued() {
    return group.queued();
  }

  /** Commits so far (for tests and benchmarks). */
  long commits() {
    return group.commits();
  }

  private List<Long> writeAll(List<Row> rows) {
    return Transactions.inTransaction(
        dataSource, "messaging", c -> DeliveryInserts.insertAll(c, rows));
  }
}
