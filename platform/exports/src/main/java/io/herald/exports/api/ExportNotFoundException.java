package io.herald.exports.api;

/** No export with that id in the workspace. */
public class ExportNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** For the export {@code exportId}. */
  public ExportNotFoundException(long exportId) {
    super("no export " + exportId);
  }
}
