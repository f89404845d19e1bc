package io.herald.people.api;

/**
 * A {@link PeopleService#search} ran longer than the search time limit and was cancelled; only an
 * {@link PeopleQuery.AttributeEquals} search, which reads attributes row by row, can.
 */
public class SearchTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With the reason and the database's exception. */
  public SearchTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
