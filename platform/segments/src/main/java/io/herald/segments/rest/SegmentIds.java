package io.herald.segments.rest;

import java.util.OptionalLong;

/** Reads segment ids from paths: positive integers; anything else names no segment. */
final class SegmentIds {

  private SegmentIds() {}

  static OptionalLong parse(String text) {
    if (text == null || !text.matches("\\d{1,18}")) {
      return OptionalLong.empty();
    }
    long id = Long.parseLong(text);
    return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
  }
}
