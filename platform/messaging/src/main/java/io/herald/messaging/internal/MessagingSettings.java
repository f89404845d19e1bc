package io.herald.messaging.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Configuration of the sending workers (keys {@code herald.messaging.*}, see the root README). */
@ApplicationScoped
public class MessagingSettings {

  @Inject
  @ConfigProperty(name = "herald.messaging.sender.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "herald.messaging.sender.idle-millis", defaultValue = "100")
  long idleMillis;

  @Inject
  @ConfigProperty(name = "herald.messaging.sender.transactional-threads", defaultValue = "2")
  int transactionalThreads;

  @Inject
  @ConfigProperty(name = "herald.messaging.sender.bulk-threads", defaultValue = "4")
  int bulkThreads;

  @Inject
  @ConfigProperty(name = "herald.messaging.sender.batch-size", defaultValue = "100")
  int batchSize;

  /** Initialised for tests that build the settings by hand; injection overrides it. */
  @Inject
  @ConfigProperty(name = "herald.messaging.sender.bulk-batch-size", defaultValue = "500")
  int bulkBatchSize = 500;

  /**
   * The longest bulk work (a batch's next entry or its insert, a bulk loop's next claim or send)
   * waits while transactional sends are being handled on this node; 0 never waits. 50 by default:
   * with 5 (until 2026-12-04) bulk work went on after 5 ms while a transactional send that had
   * waited for the database was still being handled, and T7's p99 under bulk load was 2 to 3 times
   * higher (bench/send). A send is handled in a few ms, so bulk work rarely waits that long.
   */
  @Inject
  @ConfigProperty(name = "herald.messaging.bulk-yield-millis", defaultValue = "50")
  long bulkYieldMillis;

  @Inject
  @ConfigProperty(name = "herald.messaging.sender.lease-seconds", defaultValue = "120")
  int leaseSeconds;

  @Inject
  @ConfigProperty(name = "herald.messaging.sender.max-attempts", defaultValue = "8")
  int maxAttempts;

  /** Whether this node runs the sending workers. */
  public boolean enabled() {
    return enabled;
  }

  /** Pause of an idle worker before it looks again. */
  public long idleMillis() {
    return idleMillis;
  }

  /** Sending loops of the transactional lane on this node. */
  public int transactionalThreads() {
    return transactionalThreads;
  }

  /**
   * How long bulk work waits at most, each time, for the transactional sends being handled ({@link
   * TransactionalTraffic}), in nanoseconds.
   */
  public long bulkYieldNanos() {
    return java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(bulkYieldMillis);
  }

  /** Sending loops of the bulk lane on this node. */
  public int bulkThreads() {
    return bulkThreads;
  }

  /** Deliveries claimed per transaction. */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Deliveries a loop of {@code lane} claims per transaction: {@code bulk-batch-size} for the bulk
   * lane (a busy bulk loop then commits once per that many messages), {@code batch-size} otherwise
   * (small batches keep transactional latency low).
   */
  public int batchSize(String lane) {
    return MessagingWorkers.BULK.equals(lane) ? bulkBatchSize : batchSize;
  }

  /** How long a claimed delivery stays with its node before another node may send it. */
  public int leaseSeconds() {
    return leaseSeconds;
  }

  /** Provider calls before a retryable failure becomes final. */
  public int maxAttempts() {
    return maxAttempts;
  }
}
