package io.herald.messaging.internal.render;

import io.herald.messaging.api.TemplateError;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateParser;
import liqp.exceptions.ExceededMaxIterationsException;
import liqp.nodes.LNode;
import liqp.org.antlr.v4.runtime.tree.ParseTree;

/**
 * One field's template, parsed once and rendered many times. Immutable and safe to render from many
 * threads at once: each render builds its own node tree and context from the shared parse tree.
 */
public final class CompiledTemplate {

  private static final Pattern FILTER_LOCATION =
      Pattern.compile("error on line (\\d+), index (\\d+): ");

  private final String field;
  private final String source;
  private final ParseTree root;
  private final TemplateParser parser;
  private final RenderLimits limits;

  CompiledTemplate(
      String field, String source, ParseTree root, TemplateParser parser, RenderLimits limits) {
    this.field = field;
    this.source = source;
    this.root = root;
    this.parser = parser;
    this.limits = limits;
  }

  /** The field this template was compiled for ({@code subject}, {@code body}, ...). */
  public String field() {
    return field;
  }

  /**
   * Renders with these variables.
   *
   * @throws TemplateException naming the field, the line and, for an undefined variable, its full
   *     path; also when a {@link RenderLimits} bound is exceeded
   */
  public String render(Map<String, Object> variables) {
    Objects.requireNonNull(variables, "variables");
    GuardedContext context =
        new GuardedContext(parser, variables, limits.maxRenderTime().toMillis());
    String output;
    try {
      LNode node = newVisitor(parser, source).visit(root);
      Object rendered = node.render(context);
      output = String.valueOf(parser.getRenderTransformer().transformObject(context, rendered));
    } catch (RuntimeException | StackOverflowError e) {
      throw new TemplateException(toError(field, e), e);
    }
    if (output.length() > limits.maxOutputChars()) {
      throw tooLong();
    }
    context.checkDeadline();
    return output;
  }

  static StrictNodeVisitor newVisitor(TemplateParser parser, String source) {
    return new StrictNodeVisitor(parser.insertions, parser.filters, source);
  }

  private TemplateException tooLong() {
    return new TemplateException(
        new TemplateError(
            field, 0, 0, null, "output is longer than " + limits.maxOutputChars() + " characters"));
  }

  private TemplateError toError(String field, Throwable thrown) {
    int line = 0;
    int column = 0;
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof RenderFailure failure) {
        if (failure.line() > 0) {
          line = failure.line();
          column = failure.column();
        }
        return new TemplateError(field, line, column, failure.variable(), failure.getMessage());
      }
      if (t instanceof ExceededMaxIterationsException) {
        return new TemplateError(
            field, 0, 0, null, "loops ran more than " + limits.maxIterations() + " iterations");
      }
      if (t instanceof StackOverflowError) {
        return new TemplateError(field, 0, 0, null, "template nests too deeply");
      }
      String message = String.valueOf(t.getMessage());
      if (message.startsWith("rendered string exceeds")) {
        return tooLong().error();
      }
      Matcher location = FILTER_LOCATION.matcher(message);
      if (location.find() && line == 0) {
        line = Integer.parseInt(location.group(1));
        column = Integer.parseInt(location.group(2)) + 1;
      }
      if (t.getCause() == null || t.getCause() == t) {
        String readable = FILTER_LOCATION.matcher(message).replaceAll("");
        return new TemplateError(field, line, column, null, readable);
      }
    }
    return new TemplateError(field, line, column, null, "rendering failed");
  }
}
