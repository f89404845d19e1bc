package io.herald.messaging.internal.render;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The two clocks a render's time budget is checked against: the wall clock, read at every loop
 * iteration, and the rendering thread's CPU time, read only once the wall-clock budget is spent. A
 * render is over budget when it has used the budget in CPU time on its own thread: on a busy
 * machine a thread can wait for a core longer than the budget (seen in {@code bench/send} on two
 * cores: a 10 KB template "took longer than 2000 ms"), and the send it belonged to then failed,
 * though the template itself was cheap.
 */
interface RenderClock {

  /** {@link System#nanoTime()}. */
  long wallNanos();

  /** The calling thread's CPU time in nanoseconds, or -1 when the JVM cannot tell. */
  long threadCpuNanos();

  /** The JVM's clocks. */
  RenderClock SYSTEM = new Jvm(ManagementFactory.getThreadMXBean());

  /** The JVM's clocks; the thread's CPU time when the platform measures it. */
  final class Jvm implements RenderClock {

    private final ThreadMXBean threads;
    private final boolean cpuTime;

    Jvm(ThreadMXBean threads) {
      this.threads = threads;
      this.cpuTime = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    }

    @Override
    public long wallNanos() {
      return System.nanoTime();
    }

    @Override
    public long threadCpuNanos() {
      return cpuTime ? threads.getCurrentThreadCpuTime() : -1;
    }
  }
}
