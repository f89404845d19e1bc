package io.herald.messaging.api;

/**
 * What became of one entry of {@link MessageService#enqueueBulk}: its receipt, or (receipt null)
 * why it was refused.
 *
 * @param receipt the queued (or dropped or failed) delivery, null when the entry was refused
 * @param error why the entry was refused (a bad field, an unknown message or person), else null
 */
public record BulkSendResult(SendReceipt receipt, String error) {

  /** The entry became a delivery. */
  public static BulkSendResult queued(SendReceipt receipt) {
    return new BulkSendResult(receipt, null);
  }

  /** The entry was refused. */
  public static BulkSendResult refused(String error) {
    return new BulkSendResult(null, error);
  }

  /** Whether the entry became a delivery. */
  public boolean ok() {
    return receipt != null;
  }
}
