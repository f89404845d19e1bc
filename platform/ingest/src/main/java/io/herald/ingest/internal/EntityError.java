package io.herald.ingest.internal;

/**
 * Why a Track API v2 entity was not applied, in Customer.io's error shape.
 *
 * @param reason a short code ({@code invalid}, {@code not_found}, …)
 * @param field the field at fault
 * @param message what is wrong
 */
public record EntityError(String reason, String field, String message) {

  static EntityError invalid(String field, String message) {
    return new EntityError("invalid", field, message);
  }
}
