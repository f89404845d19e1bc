package io.herald.messaging.rest;

import io.herald.messaging.api.BulkSendResult;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code POST /v1/send/email/batch} body read into the sends to queue and, by entry index, the
 * reasons the others were refused. Only these are kept, not the parsed JSON: a batch waits for a
 * renderer and then renders for about a second under load, and a thousand entries' JSON tree held
 * through that outlived several young collections and was promoted (bench/send, GC log and class
 * histogram: 23 batches' entries in the old generation after the bulk send).
 *
 * @param sends the entries that parsed, in entry order
 * @param errors per entry, why it was refused, or null for an entry in {@code sends}
 */
record BatchEntries(List<EmailSend> sends, String[] errors) {

  /** Herald's batch endpoint: request entities up to 16 MB. */
  static final int MAX_BATCH_BODY_BYTES = 16 * 1024 * 1024;

  /** The most entries one batch request takes. */
  static final int MAX_BATCH_ENTRIES = 1000;

  /**
   * Reads a batch body.
   *
   * @throws MessagingJson.Refused with the error response for a body that is not a batch at all
   */
  static BatchEntries read(InputStream body) {
    JsonObject request = MessagingJson.object(body, MAX_BATCH_BODY_BYTES);
    JsonValue messagesValue = request.get("messages");
    if (messagesValue == null || messagesValue.getValueType() != JsonValue.ValueType.ARRAY) {
      throw refused("messages must be an array");
    }
    JsonArray entries = messagesValue.asJsonArray();
    if (entries.isEmpty()) {
      throw refused("messages must not be empty");
    }
    if (entries.size() > MAX_BATCH_ENTRIES) {
      throw refused(
          "messages has " + entries.size() + " entries, at most " + MAX_BATCH_ENTRIES + " allowed");
    }
    String[] errors = new String[entries.size()];
    List<EmailSend> sends = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      JsonValue entry = entries.get(i);
      if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
        errors[i] = "messages[" + i + "] must be an object";
        continue;
      }
      try {
        sends.add(EmailSendRequest.parse(entry.asJsonObject()));
      } catch (InvalidMessageException e) {
        errors[i] = e.getMessage();
      }
    }
    return new BatchEntries(List.copyOf(sends), errors);
  }

  private static MessagingJson.Refused refused(String reason) {
    return new MessagingJson.Refused(ApiErrors.app(Status.BAD_REQUEST, reason));
  }

  /**
   * The answer's {@code results}, in entry order: each {@code {"delivery_id","queued_at"}} or
   * {@code {"error"}}.
   *
   * @param queued what queueing {@link #sends()} gave, one per send in the same order
   */
  JsonArrayBuilder results(List<BulkSendResult> queued) {
    JsonArrayBuilder results = Jsons.createArrayBuilder();
    int k = 0;
    for (String error : errors) {
      if (error != null) {
        results.add(Jsons.createObjectBuilder().add("error", error));
        continue;
      }
      BulkSendResult r = queued.get(k++);
      results.add(
          r.ok()
              ? Jsons.createObjectBuilder()
                  .add("delivery_id", r.receipt().deliveryId())
                  .add("queued_at", r.receipt().queuedAt().getEpochSecond())
              : Jsons.createObjectBuilder().add("error", r.error()));
    }
    return results;
  }
}
