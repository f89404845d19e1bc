package io.herald.segments.internal;

import io.herald.segments.api.InvalidSegmentException;
import io.herald.segments.api.SegmentService;
import java.util.ArrayList;
import java.util.List;

/**
 * A segment's name and description, trimmed and checked: the name is required and at most {@link
 * SegmentService#MAX_NAME_CHARS} characters, the description at most {@link
 * SegmentService#MAX_DESCRIPTION_CHARS} ({@code null} when blank).
 *
 * @param name the trimmed name
 * @param description the trimmed description, or {@code null}
 */
record SegmentFields(String name, String description) {

  /**
   * Checks and trims.
   *
   * @throws InvalidSegmentException naming every field that breaks a rule
   */
  static SegmentFields of(String name, String description) {
    List<String> problems = new ArrayList<>();
    String trimmedName = name == null ? "" : name.trim();
    if (trimmedName.isEmpty()) {
      problems.add("segment.name is required");
    } else if (chars(trimmedName) > SegmentService.MAX_NAME_CHARS) {
      problems.add(
          "segment.name is "
              + chars(trimmedName)
              + " characters; the limit is "
              + SegmentService.MAX_NAME_CHARS);
    }
    String trimmedDescription =
        description == null || description.isBlank() ? null : description.trim();
    if (trimmedDescription != null
        && chars(trimmedDescription) > SegmentService.MAX_DESCRIPTION_CHARS) {
      problems.add(
          "segment.description is "
              + chars(trimmedDescription)
              + " characters; the limit is "
              + SegmentService.MAX_DESCRIPTION_CHARS);
    }
    if (!problems.isEmpty()) {
      throw new InvalidSegmentException(problems);
    }
    return new SegmentFields(trimmedName, trimmedDescription);
  }

  private static int chars(String s) {
    return s.codePointCount(0, s.length());
  }
}
