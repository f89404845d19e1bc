package io.herald.objects.api;

import java.util.List;

/**
 * What adding relationships did.
 *
 * @param applied how many relationships were added or had their attributes updated
 * @param skipped references by {@code cio_object_id} that name no object (never created), skipped
 */
public record RelateResult(int applied, List<ObjectRef> skipped) {

  /** Copies the list. */
  public RelateResult {
    skipped = List.copyOf(skipped);
  }
}
