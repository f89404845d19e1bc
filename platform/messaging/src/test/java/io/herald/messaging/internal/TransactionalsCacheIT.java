package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.TransactionalInput;
import io.herald.messaging.api.TransactionalView;
import io.herald.testing.CountingDataSource;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A send reads its transactional message from the database at most once a second per node: a
 * repeated lookup within {@link DefaultTransactionals#READ_FOR} issues no statement, and a change
 * made on this node is seen by the very next lookup.
 */
class TransactionalsCacheIT {

  private final AtomicLong clock = new AtomicLong();
  private CountingDataSource dataSource;
  private DefaultTransactionals transactionals;
  private WorkspaceId workspace;

  @BeforeEach
  void store() {
    dataSource = new CountingDataSource(MigratedTestDatabase.dataSource());
    workspace = new WorkspaceId(MigratedTestDatabase.freshWorkspace());
    transactionals = new DefaultTransactionals();
    transactionals.dataSource = dataSource;
    transactionals.ticker(clock::get);
  }

  @Test
  void aRepeatedLookupIsServedWithoutTheDatabaseAndAChangeIsSeenAtOnce() {
    TransactionalView created = transactionals.create(workspace, message("<p>first</p>"));
    String id = Long.toString(created.id());
    assertThat(transactionals.find(workspace, id)).contains(created);

    dataSource.reset();
    for (int i = 0; i < 5; i++) {
      assertThat(transactionals.find(workspace, id)).contains(created);
    }
    assertThat(dataSource.statements()).as("served from memory").isZero();
    assertThat(transactionals.find(workspace, "cached-order")).isPresent();
    assertThat(dataSource.statements()).as("another key is read once").isEqualTo(1);

    transactionals.update(workspace, created.id(), message("<p>second</p>"));
    assertThat(transactionals.find(workspace, id).orElseThrow().content().body())
        .isEqualTo("<p>second</p>");
    assertThat(transactionals.find(workspace, "cached-order").orElseThrow().content().body())
        .isEqualTo("<p>second</p>");

    assertThat(transactionals.find(workspace, "no-such-trigger")).isEmpty();
    assertThat(transactionals.find(new WorkspaceId(workspace.value() + 1), id))
        .as("another workspace's key")
        .isEmpty();
    clock.addAndGet(DefaultTransactionals.READ_FOR.toNanos() + 1);
    dataSource.reset();
    assertThat(transactionals.find(workspace, id)).isPresent();
    assertThat(dataSource.statements()).as("read again once the second has passed").isEqualTo(1);
  }

  @Test
  void aReReadHoldsUpNoOtherLookupAndItsResultServesTheNextOnes() throws Exception {
    TransactionalView created = transactionals.create(workspace, message("<p>first</p>"));
    String id = Long.toString(created.id());
    assertThat(transactionals.find(workspace, id)).contains(created);
    // Another node changes the message; this node's copy is more than a second old.
    new DefaultTransactionals() {
      {
        dataSource = MigratedTestDatabase.dataSource();
      }
    }.update(workspace, created.id(), message("<p>second</p>"));
    clock.addAndGet(DefaultTransactionals.READ_FOR.toNanos() + 1);

    java.util.concurrent.CountDownLatch database = new java.util.concurrent.CountDownLatch(1);
    dataSource.gate(database);
    java.util.concurrent.CompletableFuture<java.util.Optional<TransactionalView>> rereading =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> transactionals.find(workspace, id));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .until(() -> dataSource.waiting() == 1);

    java.util.concurrent.CompletableFuture<java.util.Optional<TransactionalView>> meanwhile =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> transactionals.find(workspace, id));
    assertThat(
            meanwhile.get(5, java.util.concurrent.TimeUnit.SECONDS).orElseThrow().content().body())
        .as("not held up by the re-read: the version read before")
        .isEqualTo("<p>first</p>");

    database.countDown();
    rereading.get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(transactionals.find(workspace, id).orElseThrow().content().body())
        .isEqualTo("<p>second</p>");
  }

  private static TransactionalInput message(String body) {
    return new TransactionalInput(
        "Cached", "cached-order", "", "Subject", "", "", "", body, "", null, true, null);
  }
}
