package io.herald.exports.rest;

import io.herald.exports.api.ExportStatus;
import io.herald.exports.api.ExportView;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;

/** The App API's JSON shapes for exports. */
final class ExportJson {

  private ExportJson() {}

  /**
   * Customer.io's export object: {@code {"id","user_id","user_email","total","deduplicate_id",
   * "type","failed","status","description","downloads","created_at","updated_at"}} plus Herald's
   * {@code failure_reason} (null unless failed) and {@code scanned} (people examined so far).
   * Exports made through the API have no user: {@code user_id} and {@code user_email} are null.
   */
  static JsonObjectBuilder of(ExportView export) {
    long created = export.createdAt().getEpochSecond();
    JsonObjectBuilder json =
        Jsons.createObjectBuilder()
            .add("id", export.id())
            .addNull("user_id")
            .addNull("user_email")
            .add("total", export.total())
            .add("deduplicate_id", export.id() + ":" + created)
            .add("type", export.type())
            .add("failed", export.status() == ExportStatus.FAILED)
            .add("status", export.status().wire())
            .add("description", export.description())
            .add("downloads", export.downloads())
            .add("created_at", created)
            .add("updated_at", export.updatedAt().getEpochSecond())
            .add("scanned", export.scanned());
    if (export.failureReason().isPresent()) {
      json.add("failure_reason", export.failureReason().get());
    } else {
      json.addNull("failure_reason");
    }
    return json;
  }

  static Response ok(JsonObject body) {
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  static Response error(Response.Status status, String message) {
    return ApiErrors.app(status, message);
  }

  /** Export ids in paths: positive integers; anything else names no export. */
  static OptionalLong id(String text) {
    if (text == null || !text.matches("\\d{1,18}")) {
      return OptionalLong.empty();
    }
    long id = Long.parseLong(text);
    return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
  }
}
