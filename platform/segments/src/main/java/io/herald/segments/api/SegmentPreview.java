package io.herald.segments.api;

import java.util.List;

/**
 * What a condition tree would select now, without saving anything.
 *
 * @param count how many people match
 * @param sampleCioIds some of them (up to the requested size), by cio_id
 */
public record SegmentPreview(long count, List<String> sampleCioIds) {
  /** Copies the list. */
  public SegmentPreview {
    sampleCioIds = List.copyOf(sampleCioIds);
  }
}
