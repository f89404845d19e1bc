package io.herald.objects.api;

import io.herald.people.api.PersonRef;
import java.util.List;

/**
 * What an object identify did.
 *
 * @param outcome whether the object was created or updated
 * @param object the object as stored afterwards
 * @param skippedPeople people named in the call's relationships who do not exist; Customer.io
 *     ignores them too, so they are skipped rather than refused
 */
public record ObjectIdentifyResult(
    Outcome outcome, ObjectView object, List<PersonRef> skippedPeople) {

  /** Copies the list. */
  public ObjectIdentifyResult {
    skippedPeople = List.copyOf(skippedPeople);
  }

  /** The possible outcomes. */
  public enum Outcome {
    /** A new object was created. */
    CREATED,
    /** An existing object was updated. */
    UPDATED
  }
}
