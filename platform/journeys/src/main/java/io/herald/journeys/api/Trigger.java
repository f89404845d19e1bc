package io.herald.journeys.api;

import java.util.List;

/**
 * What starts a run.
 *
 * @param type event, segment, api, date, object, relationship or webhook (their settings: {@link
 *     TriggerDetails})
 * @param event the event name ({@code event} triggers)
 * @param where filters on the event's data ({@code event} triggers)
 * @param segmentId the segment ({@code segment} triggers)
 * @param onEnter {@code true}: entering the segment starts a run; {@code false}: leaving it
 */
public record Trigger(
    TriggerType type, String event, List<DataFilter> where, Long segmentId, boolean onEnter) {

  /** Copies the list. */
  public Trigger {
    where = where == null ? List.of() : List.copyOf(where);
  }

  /** The kinds of trigger. */
  public enum TriggerType {
    EVENT,
    SEGMENT,
    API,
    DATE,
    OBJECT,
    RELATIONSHIP,
    WEBHOOK
  }
}
