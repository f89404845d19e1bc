package io.herald.messaging.internal.render;

import java.util.Objects;
import liqp.TemplateContext;
import liqp.filters.Filter;

/** A Liqp filter defined by a name, an argument count and a function. */
final class FunctionFilter extends Filter {

  /** What the filter does with its input and arguments. */
  @FunctionalInterface
  interface Body {
    Object apply(Object value, Object[] params);
  }

  private final int minParams;
  private final int maxParams;
  private final Body body;

  FunctionFilter(String name, int minParams, int maxParams, Body body) {
    super(name);
    this.minParams = minParams;
    this.maxParams = maxParams;
    this.body = Objects.requireNonNull(body, "body");
  }

  @Override
  public Object apply(Object value, TemplateContext context, Object... params) {
    Object[] args = params == null ? new Object[0] : params;
    if (args.length < minParams || args.length > maxParams) {
      String expected =
          minParams == maxParams ? String.valueOf(minParams) : minParams + " to " + maxParams;
      throw RenderFailure.filter(
          getName(), "expects " + expected + " argument(s), got " + args.length);
    }
    return body.apply(value, args);
  }

  static Object arg(Object[] params, int index, Object fallback) {
    return index < params.length && params[index] != null ? params[index] : fallback;
  }
}
