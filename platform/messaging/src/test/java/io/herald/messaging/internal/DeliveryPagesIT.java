package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.DeliveryView;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import io.herald.testing.MovableClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery log's pages on a real database: a person's and a message's, newest first. */
class DeliveryPagesIT {

  private static DataSource dataSource;

  private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  private long workspace;

  @BeforeAll
  static void database() {
    dataSource = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void workspace() {
    workspace = MigratedTestDatabase.freshWorkspace();
  }

  @AfterEach
  void forget() {
    TestDeliveries.deleteAll(dataSource, workspace);
  }

  private String queue(Instant due) {
    return queue(due, null);
  }

  private String queue(Instant due, Long transactionalId) {
    return TestDeliveries.insert(
        dataSource, workspace, due, "transactional", transactionalId, clock.instant());
  }

  @Test
  void aPersonsDeliveriesPageNewestFirst() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(queue(clock.instant()));
    }
    List<DeliveryView> first =
        Transactions.autoCommit(
            dataSource, "test", c -> DeliveryStore.ofPerson(c, workspace, "cio-1", null, 3));
    Long before =
        Transactions.autoCommit(
                dataSource, "test", c -> DeliveryStore.pk(c, workspace, first.get(2).deliveryId()))
            .orElseThrow();
    List<DeliveryView> second =
        Transactions.autoCommit(
            dataSource, "test", c -> DeliveryStore.ofPerson(c, workspace, "cio-1", before, 3));

    assertThat(first)
        .extracting(DeliveryView::deliveryId)
        .containsExactly(ids.get(4), ids.get(3), ids.get(2));
    assertThat(second).extracting(DeliveryView::deliveryId).containsExactly(ids.get(1), ids.get(0));
  }

  @Test
  void aMessagesDeliveriesPageNewestFirstWithoutOtherMessagesSends() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(queue(clock.instant(), 7L));
      queue(clock.instant(), 8L);
    }
    queue(clock.instant());
    List<DeliveryView> first =
        Transactions.autoCommit(
            dataSource, "test", c -> DeliveryStore.ofMessage(c, workspace, 7L, null, 3));
    Long before =
        Transactions.autoCommit(
                dataSource, "test", c -> DeliveryStore.pk(c, workspace, first.get(2).deliveryId()))
            .orElseThrow();
    List<DeliveryView> second =
        Transactions.autoCommit(
            dataSource, "test", c -> DeliveryStore.ofMessage(c, workspace, 7L, before, 3));
    List<DeliveryView> elsewhere =
        Transactions.autoCommit(
            dataSource, "test", c -> DeliveryStore.ofMessage(c, workspace + 1, 7L, null, 10));

    assertThat(first)
        .extracting(DeliveryView::deliveryId)
        .containsExactly(ids.get(4), ids.get(3), ids.get(2));
    assertThat(first).extracting(DeliveryView::transactionalId).containsOnly(7L);
    assertThat(second).extracting(DeliveryView::deliveryId).containsExactly(ids.get(1), ids.get(0));
    assertThat(elsewhere).isEmpty();
  }
}
