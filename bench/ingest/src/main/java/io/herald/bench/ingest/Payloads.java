package io.herald.bench.ingest;

/** The bodies the benchmark sends, shaped like a Segment-spec client's (~300 bytes per event). */
final class Payloads {

  static final String CONTEXT = "{\"library\":{\"name\":\"herald-bench\",\"version\":\"1.0\"}}";

  private Payloads() {}

  static String properties(long i) {
    return "{\"price\":9.99,\"currency\":\"EUR\",\"sku\":\"SKU-"
        + (i % 1000)
        + "\",\"n\":"
        + i
        + "}";
  }

  static String user(long i, long people) {
    return "u" + (i % people);
  }

  /** A {@code /v1/batch} body of {@code size} track events starting at event {@code first}. */
  static String trackBatch(String run, long first, int size, long people) {
    StringBuilder out = new StringBuilder(size * 320).append("{\"batch\":[");
    for (long i = first; i < first + size; i++) {
      if (i > first) {
        out.append(',');
      }
      out.append("{\"type\":\"track\",\"userId\":\"")
          .append(user(i, people))
          .append("\",\"event\":\"Order Completed\",\"properties\":")
          .append(properties(i))
          .append(",\"messageId\":\"")
          .append(run)
          .append('-')
          .append(i)
          .append("\",\"timestamp\":\"2026-11-29T12:00:00.000Z\",\"context\":")
          .append(CONTEXT)
          .append('}');
    }
    return out.append("],\"sentAt\":\"2026-11-29T12:00:00.000Z\"}").toString();
  }

  /** A {@code /v1/batch} body identifying people {@code first..first+size-1}. */
  static String identifyBatch(long first, int size) {
    StringBuilder out = new StringBuilder(size * 120).append("{\"batch\":[");
    for (long i = first; i < first + size; i++) {
      if (i > first) {
        out.append(',');
      }
      out.append("{\"type\":\"identify\",\"userId\":\"u")
          .append(i)
          .append("\",\"traits\":{\"email\":\"u")
          .append(i)
          .append("@bench.example\",\"plan\":\"basic\"}}");
    }
    return out.append("]}").toString();
  }

  /** A Track v1 event body. */
  static String trackEvent(long i) {
    return "{\"name\":\"bench_single\",\"data\":" + properties(i) + "}";
  }
}
