package io.herald.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs the contract against broken factories and checks that exactly the right tests fail. */
class ContractCatchesBrokenPluginsTest {

  private static Events run(Class<?> kit) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).execute().testEvents();
  }

  private static List<String> failedMethods(Events events) {
    return events.failed().stream()
        .map(Event::getTestDescriptor)
        .map(TestDescriptor::getSource)
        .flatMap(Optional::stream)
        .filter(MethodSource.class::isInstance)
        .map(source -> ((MethodSource) source).getMethodName())
        .sorted()
        .toList();
  }

  @Test
  void aProviderThatLogsItsSecretFailsOnlyTheLogCheck() {
    Events events = run(LeakySampleKit.class);

    assertThat(failedMethods(events)).containsExactly("logLinesNeverContainASecretValue");
    assertThat(events.succeeded().count()).isGreaterThan(10);
  }

  @Test
  void aProviderWhoseCallbacksThrowAndLogHeadersFailsOnlyTheCallbackChecks() {
    Events events = run(BrokenCallbacksKit.class);

    assertThat(failedMethods(events))
        .containsExactly(
            "callbacksNeverLogOrEchoASecret", "junkCallbacksAreAnsweredWithoutThrowing");
  }

  @Test
  void aShortSecretAndAnInvalidConfigAreReported() {
    Events events = run(ShortSecretKit.class);

    assertThat(failedMethods(events))
        .contains(
            "secretValuesInValidConfigAreDistinctive",
            "validConfigPassesTheSchema",
            "validConfigSetsOnlyDeclaredProperties");
  }

  @Test
  void aWellBehavedFactoryPassesEverything() {
    Events events = run(SampleFactoryContractTest.class);

    assertThat(events.failed().count()).isZero();
    assertThat(events.succeeded().count()).isEqualTo(events.started().count()).isPositive();
  }
}
