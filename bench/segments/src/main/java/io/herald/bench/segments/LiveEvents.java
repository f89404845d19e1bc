package io.herald.bench.segments;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events the load phases send, and their request bodies: history-like events (the 20 names,
 * skewed towards active people) and, when asked, probes. Probe {@code j} is {@code probe_(j mod
 * 10)} for a person who never performed it (no two probes share a person and a name while {@code j
 * < 10 × people}), so each makes exactly one person enter one probe segment.
 *
 * <p>Every message id carries a token of this run (its start time in base 36): people, names and
 * data repeat from run to run, so the load is the same, but its ids do not. Until 2026-12-05 they
 * did ({@code live-steady-i}), and on a reused data set Herald rightly dropped every history-like
 * event of a second run as a duplicate of the first run's: only its probes (deleted between runs)
 * were new, so such a run measured the engine at a tenth of the load.
 */
final class LiveEvents {

  /** One event to send. */
  record LiveEvent(String customerId, String name, String dedupeId, String dataJson) {}

  private final Synthetic data;
  private final String run;
  private final AtomicLong probes = new AtomicLong();

  LiveEvents(Synthetic data) {
    this(data, Long.toString(System.currentTimeMillis(), 36));
  }

  /**
   * @param run this run's token in every message id
   */
  LiveEvents(Synthetic data, String run) {
    this.data = data;
    this.run = run;
  }

  /** The next probe of {@code phase}; its dedupe id starts with {@link #probePrefix}. */
  LiveEvent probe(String phase) {
    long j = probes.getAndIncrement();
    int k = (int) (j % ActiveSegments.PROBES);
    long person = (j / ActiveSegments.PROBES) * 7919 % data.people();
    return new LiveEvent(
        Synthetic.customerId(person),
        ActiveSegments.probeEvent(k),
        probePrefix(phase) + j,
        "{\"n\":" + j + "}");
  }

  /** What the message ids of {@code phase}'s probes in this run start with. */
  String probePrefix(String phase) {
    return "probe-" + phase + "-" + run + "-";
  }

  /** History-like event {@code i} of {@code phase}. */
  LiveEvent regular(String phase, long i) {
    long n = Long.MAX_VALUE / 2 + i * 31 + phase.hashCode();
    return new LiveEvent(
        Synthetic.customerId(data.eventPerson(n)),
        data.eventName(n),
        "live-" + phase + "-" + run + "-" + i,
        Synthetic.eventData(n));
  }

  /** A Track v1 event body ({@code POST /api/v1/customers/{id}/events}). */
  static String trackBody(LiveEvent e) {
    return "{\"name\":\""
        + e.name()
        + "\",\"id\":\""
        + e.dedupeId()
        + "\",\"data\":"
        + e.dataJson()
        + "}";
  }

  /** A Pipelines {@code /v1/batch} body of track calls. */
  static String batchBody(List<LiveEvent> events) {
    StringBuilder out = new StringBuilder(events.size() * 260).append("{\"batch\":[");
    String separator = "";
    for (LiveEvent e : events) {
      out.append(separator)
          .append("{\"type\":\"track\",\"userId\":\"")
          .append(e.customerId())
          .append("\",\"event\":\"")
          .append(e.name())
          .append("\",\"properties\":")
          .append(e.dataJson())
          .append(",\"messageId\":\"")
          .append(e.dedupeId())
          .append("\"}");
      separator = ",";
    }
    return out.append("]}").toString();
  }
}
