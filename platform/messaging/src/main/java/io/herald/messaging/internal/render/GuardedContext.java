package io.herald.messaging.internal.render;

import java.util.Map;
import liqp.TemplateContext;
import liqp.TemplateParser;

/**
 * A Liqp context that also enforces a time budget at every loop iteration, in the calling thread.
 * Liqp's own time limit runs each render on a new thread and leaves it running on timeout; this one
 * stops the render where it is. The budget is CPU time on the rendering thread ({@link
 * RenderClock}): once the wall-clock budget is spent, the thread's CPU time decides; where the JVM
 * cannot measure it, the wall clock does.
 */
final class GuardedContext extends TemplateContext {

  private final RenderClock clock;
  private final long budgetMillis;
  private final long budgetNanos;

  /** The thread's CPU time when the render started, or -1 when it cannot be measured. */
  private final long startCpu;

  /** When to look at the clocks again (wall nanos): shared with the child contexts of a render. */
  private final long[] nextCheck;

  GuardedContext(TemplateParser parser, Map<String, Object> variables, long budgetMillis) {
    this(parser, variables, budgetMillis, RenderClock.SYSTEM);
  }

  GuardedContext(
      TemplateParser parser, Map<String, Object> variables, long budgetMillis, RenderClock clock) {
    super(parser, variables);
    this.clock = clock;
    this.budgetMillis = budgetMillis;
    this.budgetNanos = budgetMillis * 1_000_000L;
    this.startCpu = clock.threadCpuNanos();
    this.nextCheck = new long[] {clock.wallNanos() + budgetNanos};
  }

  private GuardedContext(Map<String, Object> variables, GuardedContext parent) {
    super(variables, parent);
    this.clock = parent.clock;
    this.budgetMillis = parent.budgetMillis;
    this.budgetNanos = parent.budgetNanos;
    this.startCpu = parent.startCpu;
    this.nextCheck = parent.nextCheck;
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

  /**
   * Throws once the render has used its budget: nothing while the wall clock is within it; past
   * that, the thread's CPU time since the start decides, and a render that waited for a core goes
   * on until the rest of its budget could have been used.
   */
  void checkDeadline() {
    long now = clock.wallNanos();
    if (now - nextCheck[0] < 0) {
      return;
    }
    long cpu = startCpu < 0 ? -1 : clock.threadCpuNanos();
    if (cpu < 0) {
      throw overBudget();
    }
    long used = cpu - startCpu;
    if (used >= budgetNanos) {
      throw overBudget();
    }
    nextCheck[0] = now + (budgetNanos - used);
  }

  private RenderFailure overBudget() {
    return RenderFailure.limit("rendering took longer than " + budgetMillis + " ms");
  }
}
