package io.herald.segments.internal.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RealtimeSettingsTest {

  @Test
  void aRebuildBatchSizeBetweenOneAndTheCapIsAccepted() {
    assertThat(RealtimeSettings.requireRebuildBatchSize(1)).isEqualTo(1);
    assertThat(RealtimeSettings.requireRebuildBatchSize(5000)).isEqualTo(5000);
    assertThat(RealtimeSettings.requireRebuildBatchSize(20_000)).isEqualTo(20_000);
  }

  @Test
  void aRebuildBatchSizeOutsideThemStopsTheStartNamingTheKey() {
    RealtimeSettings settings = new RealtimeSettings();
    settings.rebuildBatchSize = 200_000;
    assertThatThrownBy(settings::check)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("herald.segments.rebuild.batch-size must be between 1 and 20000, not 200000");
    settings.rebuildBatchSize = 0;
    assertThatThrownBy(settings::check).hasMessageContaining("not 0");
  }

  @Test
  void aCollectParallelismOutsideOneToThirtyTwoStopsTheStartNamingTheKey() {
    RealtimeSettings settings = valid();
    settings.check();
    settings.collectParallelism = 32;
    settings.check();
    settings.collectParallelism = 0;
    assertThatThrownBy(settings::check)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("herald.segments.rebuild.collect-parallelism must be between 1 and 32, not 0");
    settings.collectParallelism = 33;
    assertThatThrownBy(settings::check).hasMessageContaining("not 33");
  }

  @Test
  void eventWorkersOutsideOneToEightStopTheStartNamingTheKey() {
    RealtimeSettings settings = valid();
    settings.eventWorkers = 1;
    settings.check();
    settings.eventWorkers = 8;
    settings.check();
    assertThat(settings.eventWorkers()).isEqualTo(8);
    settings.eventWorkers = 0;
    assertThatThrownBy(settings::check)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("herald.segments.realtime.event-workers must be between 1 and 8, not 0");
    settings.eventWorkers = 9;
    assertThatThrownBy(settings::check).hasMessageContaining("not 9");
  }

  @Test
  void backlogSettingsOutOfRangeStopTheStartNamingTheKey() {
    RealtimeSettings settings = valid();
    settings.check();
    assertThat(settings.backlogPatience()).isEqualTo(10);
    assertThat(settings.backlogRest()).isEqualTo(1.0);
    settings.backlogRest = 0;
    settings.check();
    settings.backlogRest = 10;
    settings.check();
    settings.backlogRest = 10.5;
    assertThatThrownBy(settings::check)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("herald.segments.realtime.backlog-rest must be between 0 and 10.0, not 10.5");
    settings.backlogRest = -1;
    assertThatThrownBy(settings::check).hasMessageContaining("not -1.0");
    settings.backlogRest = Double.NaN;
    assertThatThrownBy(settings::check).hasMessageContaining("not NaN");
    settings.backlogRest = 1;
    settings.backlogPatience = 0;
    assertThatThrownBy(settings::check)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("herald.segments.realtime.backlog-patience must be at least 1, not 0");
  }

  /** Settings every check accepts, as the defaults are. */
  private static RealtimeSettings valid() {
    RealtimeSettings settings = new RealtimeSettings();
    settings.rebuildBatchSize = 5000;
    settings.collectParallelism = 2;
    settings.eventWorkers = 2;
    return settings;
  }
}
