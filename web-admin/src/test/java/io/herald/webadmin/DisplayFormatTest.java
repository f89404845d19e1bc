package io.herald.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.pluginhost.api.PluginStatus;
import io.herald.workspace.api.CredentialKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DisplayFormatTest {

  private final DisplayFormat fmt = new DisplayFormat();

  @Test
  void instantsAreShownInUtcAndNullAsADash() {
    assertThat(fmt.instant(Instant.parse("2026-11-29T07:05:09.123Z")))
        .isEqualTo("2026-11-29 07:05:09 UTC");
    assertThat(fmt.instant(null)).isEqualTo("—");
  }

  @Test
  void segmentTypesAndSignedChanges() {
    assertThat(fmt.segmentType(io.herald.segments.api.SegmentType.MANUAL)).isEqualTo("manual");
    assertThat(fmt.segmentType(io.herald.segments.api.SegmentType.DATA)).isEqualTo("data");
    assertThat(fmt.signed(3)).isEqualTo("+3");
    assertThat(fmt.signed(-2)).isEqualTo("\u22122");
    assertThat(fmt.signed(0)).isEqualTo("0");
  }

  @Test
  void durationsUseTheLargestWholeUnit() {
    assertThat(fmt.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(fmt.duration(Duration.ofMinutes(5))).isEqualTo("5 min");
    assertThat(fmt.duration(Duration.ofHours(2))).isEqualTo("2 h");
    assertThat(fmt.duration(Duration.ofSeconds(90))).isEqualTo("90 s");
    assertThat(fmt.duration(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(fmt.duration(null)).isEqualTo("—");
  }

  @Test
  void enumsReadAsOperatorsSayThem() {
    assertThat(fmt.kind(CredentialKind.TRACK)).isEqualTo("Track API key");
    assertThat(fmt.kind(CredentialKind.APP)).isEqualTo("App API key");
    assertThat(fmt.kind(CredentialKind.PIPELINES)).isEqualTo("Pipelines write key");
    assertThat(fmt.status(PluginStatus.INCOMPATIBLE)).isEqualTo("incompatible");
  }

  @Test
  void blankValuesBecomeADash() {
    assertThat(fmt.orDash("")).isEqualTo("—");
    assertThat(fmt.orDash(null)).isEqualTo("—");
    assertThat(fmt.orDash("Herald")).isEqualTo("Herald");
  }
}
