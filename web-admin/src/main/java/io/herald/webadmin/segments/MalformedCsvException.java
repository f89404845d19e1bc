package io.herald.webadmin.segments;

/** A CSV file of people is not one column of identifiers; the message says where and why. */
public class MalformedCsvException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The reason, naming the line when there is one. */
  public MalformedCsvException(String reason) {
    super(reason);
  }
}
