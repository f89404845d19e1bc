package io.herald.messaging.internal.render;

import java.util.Map;
import liqp.TemplateContext;
import liqp.TemplateParser;

/**
 * A Liqp context that also enforces a wall-clock deadline at every loop iteration, in the calling
 * thread. Liqp's own time limit runs each render on a new thread and leaves it running on timeout;
 * this one stops the render where it is.
 */
final class GuardedContext extends TemplateContext {

  private final long deadlineNanos;
  private final long budgetMillis;

  GuardedContext(TemplateParser parser, Map<String, Object> variables, long budgetMillis) {
    super(parser, variables);
    this.budgetMillis = budgetMillis;
    this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000L;
  }

  private GuardedContext(Map<String, Object> variables, GuardedContext parent) {
    super(variables, parent);
    this.budgetMillis = parent.budgetMillis;
    this.deadlineNanos = parent.deadlineNanos;
  }

  @Override
  public TemplateContext newChildContext(Map<String, Object> variablesForChild) {
    return new GuardedContext(variablesForChild, this);
  }

  @Override
  public void checkForMaxIterations(int iterations) {
    super.checkForMaxIterations(iterations);
    checkDeadline();
  }

  void checkDeadline() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw RenderFailure.limit("rendering took longer than " + budgetMillis + " ms");
    }
  }
}
