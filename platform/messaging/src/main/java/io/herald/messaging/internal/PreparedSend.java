package io.herald.messaging.internal;

import io.herald.messaging.api.SendReceipt;
import java.time.Instant;
import java.util.List;

/**
 * A send ready to insert: its delivery first, then the separate copies {@code fake_bcc} asks for
 * (written with it, all or none), and the answer to give once they are committed.
 */
record PreparedSend(List<DeliveryWriter.Row> rows, SendReceipt receipt) {

  PreparedSend {
    rows = List.copyOf(rows);
  }

  /** The same deliveries on another lane. */
  PreparedSend onLane(String lane) {
    return new PreparedSend(rows.stream().map(r -> onLane(r, lane)).toList(), receipt);
  }

  /** Queued and due now: the lane's loop should look at once. */
  boolean dueNow() {
    DeliveryWriter.Row first = rows.get(0);
    Instant due = first.delivery().dueAt();
    return due != null && !due.isAfter(first.now());
  }

  private static DeliveryWriter.Row onLane(DeliveryWriter.Row row, String lane) {
    DeliveryStore.NewDelivery d = row.delivery();
    return new DeliveryWriter.Row(
        new DeliveryStore.NewDelivery(
            d.deliveryId(),
            d.workspaceId(),
            d.cioId(),
            d.channel(),
            lane,
            d.transactionalId(),
            d.recipient(),
            d.subject(),
            d.state(),
            d.reason(),
            d.dueAt(),
            d.retain(),
            d.content()),
        row.now());
  }
}
