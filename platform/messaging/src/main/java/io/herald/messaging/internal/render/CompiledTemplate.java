package io.herald.messaging.internal.render;

import io.herald.messaging.api.TemplateError;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateParser;
import liqp.exceptions.ExceededMaxIterationsException;
import liqp.nodes.LNode;
import liqp.org.antlr.v4.runtime.tree.ParseTree;

/**
 * One field's template, parsed once and rendered many times. Safe to render from many threads at
 * once: a node tree holds per-render state (Liqp's index lookups keep the key they computed), so a
 * render borrows a tree no other render is using, built from the shared, read-only parse tree when
 * none is idle, and gives it back when it succeeded. Building the tree walks the whole source (for
 * a 10 KB email it cost about as much as rendering), so trees are kept instead of built per render.
 */
public final class CompiledTemplate {

  private static final Pattern FILTER_LOCATION =
      Pattern.compile("error on line (\\d+), index (\\d+): ");

  private final String field;
  private final String source;
  private final ParseTree root;
  private final TemplateParser parser;
  private final RenderLimits limits;

  /** Node trees no render is using; at most {@link #MAX_IDLE_TREES}, roughly one per thread. */
  private final ConcurrentLinkedQueue<LNode> idle = new ConcurrentLinkedQueue<>();

  private final AtomicInteger idleCount = new AtomicInteger();

  private static final int MAX_IDLE_TREES = 16;

  CompiledTemplate(
      String field,
      String source,
      ParseTree root,
      TemplateParser parser,
      RenderLimits limits,
      LNode firstTree) {
    this.field = field;
    this.source = source;
    this.root = root;
    this.parser = parser;
    this.limits = limits;
    giveBack(firstTree);
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
      LNode node = borrow();
      Object rendered = node.render(context);
      output = String.valueOf(parser.getRenderTransformer().transformObject(context, rendered));
      // Only a tree whose render completed goes back: a failed one is dropped, whatever it holds.
      giveBack(node);
    } catch (RuntimeException | StackOverflowError e) {
      throw new TemplateException(toError(field, e), e);
    }
    if (output.length() > limits.maxOutputChars()) {
      throw tooLong();
    }
    context.checkDeadline();
    return output;
  }

  private LNode borrow() {
    LNode node = idle.poll();
    if (node == null) {
      return newVisitor(parser, source).visit(root);
    }
    idleCount.decrementAndGet();
    return node;
  }

  private void giveBack(LNode node) {
    if (node != null && idleCount.incrementAndGet() <= MAX_IDLE_TREES) {
      idle.offer(node);
    } else {
      idleCount.decrementAndGet();
    }
  }

  /** Node trees kept for the next renders (for tests). */
  int idleTrees() {
    return idleCount.get();
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
