package io.herald.segments.api;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a segment's members, in the order they joined.
 *
 * @param cioIds the members' cio_ids
 * @param next the cursor of the following page, empty on the last page
 */
public record MemberPage(List<String> cioIds, OptionalLong next) {

  /** Copies the list. */
  public MemberPage {
    cioIds = List.copyOf(cioIds);
  }
}
