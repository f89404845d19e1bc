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

  /** The rows to send now: queued and due (the others are dropped, failed or drafts). */
  int sendable() {
    int n = 0;
    for (DeliveryWriter.Row row : rows) {
      if (sendable(row)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The same deliveries with the sendable ones written claimed by this node until {@code
   * leaseUntil} ({@link Handoff}): state {@code sending}, due at the lease's end, as a claim leaves
   * them.
   */
  PreparedSend claimedUntil(Instant leaseUntil) {
    return new PreparedSend(
        rows.stream()
            .map(
                r ->
                    sendable(r)
                        ? with(r, r.delivery().lane(), DeliveryInserts.SENDING, leaseUntil)
                        : r)
            .toList(),
        receipt);
  }

  /**
   * The claimed rows of {@link #claimedUntil} as the sending loop takes them, given the primary
   * keys their insert returned (in row order).
   */
  List<DeliveryQueue.Claimed> claimed(List<Long> keys) {
    List<DeliveryQueue.Claimed> claimed = new java.util.ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      DeliveryStore.NewDelivery d = rows.get(i).delivery();
      if (DeliveryInserts.SENDING.equals(d.state())) {
        // No channel setting (the channel's default) and no attempt before this one.
        claimed.add(
            new DeliveryQueue.Claimed(
                keys.get(i),
                d.deliveryId(),
                d.workspaceId(),
                d.lane(),
                d.channel(),
                null,
                d.recipient(),
                0,
                d.retain(),
                d.content(),
                d.cioId(),
                d.transactionalId()));
      }
    }
    return claimed;
  }

  private static boolean sendable(DeliveryWriter.Row row) {
    DeliveryStore.NewDelivery d = row.delivery();
    return "queued".equals(d.state()) && d.dueAt() != null && !d.dueAt().isAfter(row.now());
  }

  private static DeliveryWriter.Row onLane(DeliveryWriter.Row row, String lane) {
    DeliveryStore.NewDelivery d = row.delivery();
    return with(row, lane, d.state(), d.dueAt());
  }

  private static DeliveryWriter.Row with(
      DeliveryWriter.Row row, String lane, String state, Instant dueAt) {
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
            state,
            d.reason(),
            dueAt,
            d.retain(),
            d.content()),
        row.now(),
        row.idempotencyKey());
  }
}
