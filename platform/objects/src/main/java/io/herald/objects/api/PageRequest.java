package io.herald.objects.api;

/**
 * Which page of a listing to return, as Customer.io pages: an opaque {@code start} token taken from
 * a previous page's {@code next}, and a {@code limit}.
 *
 * @param start the token; empty for the first page
 * @param limit at most this many items, 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(String start, int limit) {

  /** Items per page when no limit is given. */
  public static final int DEFAULT_LIMIT = 100;

  /** Largest accepted limit. */
  public static final int MAX_LIMIT = 1000;

  /**
   * Checks the values.
   *
   * @throws InvalidObjectDataException naming {@code start} or {@code limit}
   */
  public PageRequest {
    start = start == null ? "" : start;
    if (!start.isEmpty() && !start.matches("[1-9][0-9]{0,17}")) {
      throw InvalidObjectDataException.of("start", "is not a token from a previous page's next");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidObjectDataException.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }

  /** The first page with the default limit. */
  public static PageRequest first() {
    return new PageRequest("", DEFAULT_LIMIT);
  }

  /**
   * Reads query parameters; either may be {@code null} or empty.
   *
   * @throws InvalidObjectDataException naming {@code start} or {@code limit}
   */
  public static PageRequest parse(String start, String limit) {
    int size = DEFAULT_LIMIT;
    if (limit != null && !limit.isEmpty()) {
      if (!limit.matches("[0-9]{1,9}")) {
        throw InvalidObjectDataException.of("limit", "must be a whole number");
      }
      size = Integer.parseInt(limit);
    }
    return new PageRequest(start, size);
  }

  /** The position after which the page starts (0 for the first page). */
  public long after() {
    return start.isEmpty() ? 0 : Long.parseLong(start);
  }
}
