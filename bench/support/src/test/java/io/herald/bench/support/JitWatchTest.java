package io.herald.bench.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitWatchTest {

  private static final Duration MINIMUM = Duration.ofSeconds(30);
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration MAXIMUM = Duration.ofSeconds(60);

  /** A JVM whose JIT compiles {@code perWindow[i]} methods during the i-th window of load. */
  private record Scripted(AtomicLong compiled, List<Duration> windows, long[] perWindow) {
    Scripted(long... perWindow) {
      this(new AtomicLong(1000), new ArrayList<>(), perWindow);
    }

    JitWatch watch() {
      return new JitWatch(compiled::get);
    }

    void run(Duration length) {
      compiled.addAndGet(perWindow[windows.size()]);
      windows.add(length);
    }
  }

  @Test
  void loadRunsOnUntilAWindowCompilesNoMoreThanTheQuietCount() throws Exception {
    Scripted jvm = new Scripted(900, 300, 120, 40, 5);

    JitWatch.Warmed warmed = jvm.watch().warm(jvm::run, MINIMUM, WINDOW, MAXIMUM, 50);

    assertThat(jvm.windows()).containsExactly(MINIMUM, WINDOW, WINDOW, WINDOW);
    assertThat(warmed).isEqualTo(new JitWatch.Warmed(Duration.ofSeconds(60), 40, true));
    assertThat(warmed.describe())
        .isEqualTo("warmed 60 s, JIT quiet: 40 JIT compilations in the last window");
  }

  @Test
  void aQuietMinimumIsEnough() throws Exception {
    Scripted jvm = new Scripted(12);

    JitWatch.Warmed warmed = jvm.watch().warm(jvm::run, MINIMUM, WINDOW, MAXIMUM, 50);

    assertThat(jvm.windows()).containsExactly(MINIMUM);
    assertThat(warmed.quiet()).isTrue();
  }

  @Test
  void theMaximumEndsAWarmUpThatNeverQuietensAndSaysSo() throws Exception {
    Scripted jvm = new Scripted(900, 800, 700, 600, 500, 400);

    JitWatch.Warmed warmed = jvm.watch().warm(jvm::run, MINIMUM, WINDOW, MAXIMUM, 50);

    assertThat(jvm.windows()).hasSize(4);
    assertThat(warmed).isEqualTo(new JitWatch.Warmed(MAXIMUM, 600, false));
    assertThat(warmed.describe()).contains("JIT NOT QUIET");
  }

  @Test
  void aJvmThatCannotBeReadIsWarmedForTheMinimumOnly() throws Exception {
    List<Duration> windows = new ArrayList<>();

    JitWatch.Warmed warmed =
        new JitWatch(() -> -1).warm(windows::add, MINIMUM, WINDOW, MAXIMUM, 50);

    assertThat(windows).containsExactly(MINIMUM);
    assertThat(warmed.describe()).isEqualTo("warmed 30 s (JIT not watched)");
  }

  @Test
  void theCompiledColumnIsReadFromJstatsOutput() {
    String out =
        "Compiled Failed Invalid   Time   FailedType FailedMethod\n"
            + "   37483      5       0   191.21          1 jdk/internal/org/objectweb/asm/ClassReader"
            + " readCode\n";

    assertThat(JitWatch.compiledIn(out)).isEqualTo(37483);
    assertThat(JitWatch.compiledIn("12345: Could not attach to 12345")).isEqualTo(-1);
  }

  @Test
  void thisJvmCanBeWatched() {
    assertThat(JitWatch.of(ProcessHandle.current().pid()))
        .hasValueSatisfying(w -> assertThat(w.compilations().getAsLong()).isPositive());
  }
}
