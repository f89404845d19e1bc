package io.herald.messaging.internal;

import io.herald.messaging.api.SendReceipt;
import java.time.Instant;

/** A delivery ready to insert and the answer to give once it is committed. */
record PreparedSend(DeliveryWriter.Row row, SendReceipt receipt) {

  /** The same delivery on another lane. */
  PreparedSend onLane(String lane) {
    DeliveryStore.NewDelivery d = row.delivery();
    return new PreparedSend(
        new DeliveryWriter.Row(
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
            row.now()),
        receipt);
  }

  /** Queued and due now: the lane's loop should look at once. */
  boolean dueNow() {
    Instant due = row.delivery().dueAt();
    return due != null && !due.isAfter(row.now());
  }
}
