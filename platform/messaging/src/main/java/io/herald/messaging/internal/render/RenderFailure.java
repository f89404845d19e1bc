package io.herald.messaging.internal.render;

/**
 * Thrown inside a render by Herald's own nodes and filters; {@link CompiledTemplate} turns it into
 * a {@link TemplateException} naming the field. Liqp wraps exceptions from filters, so the details
 * travel in this type rather than in message text.
 */
final class RenderFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String variable;
  private final int line;
  private final int column;

  private RenderFailure(String message, String variable, int line, int column) {
    super(message, null, false, false);
    this.variable = variable;
    this.line = line;
    this.column = column;
  }

  static RenderFailure undefined(String variable, int line, int column) {
    return new RenderFailure(variable + " is not defined", variable, line, column);
  }

  static RenderFailure at(String message, int line, int column) {
    return new RenderFailure(message, null, line, column);
  }

  static RenderFailure limit(String message) {
    return new RenderFailure(message, null, 0, 0);
  }

  static RenderFailure filter(String filter, String message) {
    return new RenderFailure("filter " + filter + ": " + message, null, 0, 0);
  }

  String variable() {
    return variable;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
