package io.herald.journeys.internal;

import io.herald.journeys.api.ApiTrigger;
import io.herald.journeys.api.ApiTriggerError;
import io.herald.journeys.api.ApiTriggerErrorPage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-person errors of one API trigger call ({@code journeys_api_trigger_error}): collected
 * while the call resolves and enters its people, the first {@link ApiTriggerError#MAX_KEPT} kept
 * (all counted), written with the trigger's row, read back a page at a time.
 */
final class TriggerErrors {

  private final List<ApiTriggerError> kept = new ArrayList<>();
  private int count;

  /** A named reference that names nobody (skipped: the call said to ignore missing people). */
  void notFound(int index, ApiTrigger.Recipient r) {
    add(
        new ApiTriggerError(
            index,
            "not_found",
            field(index, r),
            "no person with "
                + r.ref().type().name().toLowerCase(Locale.ROOT)
                + " "
                + r.ref().value()));
  }

  /** A named person the journey's entry rule, filter or frequency limit kept out. */
  void notEntered(int index, ApiTrigger.Recipient r, String why) {
    add(new ApiTriggerError(index, "not_entered", field(index, r), why));
  }

  /** How many errors the call had (kept or not). */
  int count() {
    return count;
  }

  /** Writes the kept errors of trigger {@code triggerId}. */
  void write(Connection c, long triggerId) throws SQLException {
    for (ApiTriggerError e : kept) {
      Sql.update(
          c,
          "INSERT INTO journeys_api_trigger_error (trigger_id, batch_index, reason, field, message)"
              + " VALUES (?, ?, ?, ?, ?)",
          triggerId,
          e.batchIndex(),
          e.reason(),
          cut(e.field(), 255),
          cut(e.message(), 1000));
    }
  }

  /** Up to {@code limit} errors of the trigger after row {@code after}, in request order. */
  static ApiTriggerErrorPage page(Connection c, long triggerId, long after, int limit)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<ApiTriggerError> errors =
        Sql.list(
            c,
            "SELECT id, batch_index, reason, field, message FROM journeys_api_trigger_error"
                + " WHERE trigger_id = ? AND id > ? ORDER BY id LIMIT ?",
            rs -> {
              ids.add(rs.getLong(1));
              return new ApiTriggerError(
                  rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5));
            },
            triggerId,
            after,
            limit + 1);
    if (errors.size() <= limit) {
      return new ApiTriggerErrorPage(errors, "");
    }
    return new ApiTriggerErrorPage(errors.subList(0, limit), Long.toString(ids.get(limit - 1)));
  }

  private void add(ApiTriggerError e) {
    count++;
    if (kept.size() < ApiTriggerError.MAX_KEPT) {
      kept.add(e);
    }
  }

  private static String field(int index, ApiTrigger.Recipient r) {
    return r.field() != null ? r.field() : "[" + index + "]";
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
