package io.herald.messaging.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import liqp.TemplateParser;
import org.junit.jupiter.api.Test;

class GuardedContextTest {

  private static final long MS = 1_000_000L;

  /** Clocks the test moves by hand; counts the reads of the CPU clock. */
  private static final class ManualClock implements RenderClock {
    long wall = 1_000 * MS;
    long cpu = 70 * MS;
    boolean cpuMeasured = true;
    int cpuReads;

    @Override
    public long wallNanos() {
      return wall;
    }

    @Override
    public long threadCpuNanos() {
      cpuReads++;
      return cpuMeasured ? cpu : -1;
    }
  }

  private static GuardedContext context(ManualClock clock, long budgetMillis) {
    return new GuardedContext(new TemplateParser.Builder().build(), Map.of(), budgetMillis, clock);
  }

  @Test
  void withinTheWallClockBudgetTheCpuClockIsNotRead() {
    ManualClock clock = new ManualClock();
    GuardedContext context = context(clock, 100);
    for (int i = 0; i < 1_000; i++) {
      clock.wall += 99 * MS / 1_000;
      context.checkDeadline();
    }
    assertThat(clock.cpuReads).isEqualTo(1); // the start, once per render
  }

  @Test
  void aRenderThatWaitedForACoreGoesOnUntilItHasUsedItsBudgetInCpuTime() {
    ManualClock clock = new ManualClock();
    GuardedContext context = context(clock, 100);
    clock.wall += 5_000 * MS; // descheduled for 5 s
    clock.cpu += 30 * MS;
    context.checkDeadline(); // 30 ms of CPU: goes on

    clock.wall += 60 * MS;
    clock.cpu += 60 * MS;
    int reads = clock.cpuReads;
    context.checkDeadline(); // 90 ms: not looked at again before the other 70 ms could be used
    assertThat(clock.cpuReads).isEqualTo(reads);

    clock.wall += 10 * MS;
    clock.cpu += 10 * MS;
    assertThatThrownBy(context::checkDeadline)
        .isInstanceOf(RenderFailure.class)
        .hasMessage("rendering took longer than 100 ms");
  }

  @Test
  void childContextsShareTheBudget() {
    ManualClock clock = new ManualClock();
    GuardedContext context = context(clock, 100);
    GuardedContext child = (GuardedContext) context.newChildContext(Map.of());
    clock.wall += 200 * MS;
    clock.cpu += 150 * MS;
    assertThatThrownBy(child::checkDeadline).isInstanceOf(RenderFailure.class);
  }

  @Test
  void withoutAThreadCpuClockTheWallClockDecides() {
    ManualClock clock = new ManualClock();
    clock.cpuMeasured = false;
    GuardedContext context = context(clock, 100);
    clock.wall += 99 * MS;
    context.checkDeadline();
    clock.wall += 1 * MS;
    assertThatThrownBy(context::checkDeadline)
        .isInstanceOf(RenderFailure.class)
        .hasMessage("rendering took longer than 100 ms");
  }

  @Test
  void theJvmClockMeasuresThisThreadsCpuTime() {
    long before = RenderClock.SYSTEM.threadCpuNanos();
    long sum = 0;
    for (int i = 0; i < 20_000_000; i++) {
      sum += i ^ (sum >>> 3);
    }
    assertThat(sum).isNotZero();
    // This JVM and platform measure it (the production path relies on that on Linux).
    assertThat(before).isPositive();
    assertThat(RenderClock.SYSTEM.threadCpuNanos()).isGreaterThan(before);
  }
}
