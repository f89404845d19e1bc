package io.herald.journeys.api;

import io.herald.people.api.PersonRef;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code POST /v1/campaigns/{id}/triggers} (Customer.io's API-triggered broadcast): the audience
 * and the {@code trigger} data of each person's run.
 *
 * @param data data for every run ({@code {{trigger.*}}}), never null
 * @param people the people named, each with its own data merged over {@code data} (null for none)
 * @param segmentId {@code recipients.segment.id}: every member of the segment, null when not used
 * @param ignoreMissing whether references naming nobody are skipped ({@code id_ignore_missing},
 *     {@code email_ignore_missing}); when false they are created as Customer.io does
 */
public record ApiTrigger(
    JsonObject data, List<Recipient> people, Long segmentId, boolean ignoreMissing) {

  /** Copies the list. */
  public ApiTrigger {
    people = List.copyOf(people);
  }

  /**
   * One named person.
   *
   * @param ref who
   * @param data their own data, null for none
   * @param field where the request named them ({@code ids[2]}, {@code per_user_data[0].email}), for
   *     the trigger's errors; null when unknown
   */
  public record Recipient(PersonRef ref, JsonObject data, String field) {

    /** A person named at no particular place. */
    public Recipient(PersonRef ref, JsonObject data) {
      this(ref, data, null);
    }
  }
}
