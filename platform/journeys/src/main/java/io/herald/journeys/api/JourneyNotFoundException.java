package io.herald.journeys.api;

/** No journey has this id in the workspace. */
public class JourneyNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The journey that is not there. */
  public JourneyNotFoundException(long id) {
    super("campaign " + id + " not found");
  }

  /** Something else a request names is not there (a node, a version, a person). */
  public JourneyNotFoundException(String message) {
    super(message);
  }
}
