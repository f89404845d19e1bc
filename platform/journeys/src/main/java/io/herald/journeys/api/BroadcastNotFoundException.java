package io.herald.journeys.api;

/** No broadcast (or API trigger) of this journey has this id. */
public class BroadcastNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param what "broadcast" or "trigger"
   * @param id the id asked for
   */
  public BroadcastNotFoundException(String what, long id) {
    super(what + " " + id + " not found");
  }
}
