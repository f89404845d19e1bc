package io.herald.messaging.api;

/**
 * Why a message template could not be compiled or rendered, located precisely enough for an editor
 * to point at it.
 *
 * @param field the template field: {@code subject}, {@code from}, {@code reply_to}, {@code
 *     preheader}, {@code body}, {@code body_plain}, {@code layout} or {@code snippets.NAME}
 * @param line 1-based line in that field's source, 0 when unknown
 * @param column 1-based column in that line, 0 when unknown
 * @param variable the full path of the undefined variable (e.g. {@code customer.first_name}), or
 *     null when the error is not about a variable
 * @param message what went wrong, readable by a template author
 */
public record TemplateError(String field, int line, int column, String variable, String message) {

  /**
   * One line for logs and the admin console, e.g. {@code body line 3: customer.x is not defined}.
   */
  public String describe() {
    return line > 0 ? field + " line " + line + ": " + message : field + ": " + message;
  }
}
