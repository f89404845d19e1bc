package io.herald.journeys.api;

/**
 * Why one person an API trigger named did not enter (Customer.io's broadcast trigger errors).
 *
 * @param batchIndex the person's position in the request's {@code ids}, {@code emails} or {@code
 *     per_user_data}
 * @param reason {@code not_found} (the reference names nobody; skipped with {@code
 *     id_ignore_missing} / {@code email_ignore_missing}) or {@code not_entered} (the entry rule,
 *     entry filter or frequency limit kept them out)
 * @param field where the request named them ({@code ids[2]}, {@code per_user_data[0].email})
 * @param message what happened, readable
 */
public record ApiTriggerError(int batchIndex, String reason, String field, String message) {

  /** Errors kept per trigger (the first ones, in request order). */
  public static final int MAX_KEPT = 1000;
}
