package io.herald.segments.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a scan's keys are cut into parts, without a database. */
class ScanPartsTest {

  @Test
  void keysAreCutIntoEvenPartsWhoseBoundsCoverEveryKeyOnce() {
    ScanParts parts = ScanParts.between(1, 10, 3, 1);
    assertThat(parts.bounds()).containsExactly(3L, 6L);
    assertThat(parts.count()).isEqualTo(3);
    SqlFragment first = parts.part(0, new SqlFragment.Builder()).build();
    SqlFragment middle = parts.part(1, new SqlFragment.Builder()).build();
    SqlFragment last = parts.part(2, new SqlFragment.Builder()).build();
    // The outer parts are open: a key beyond those read when cutting is still read.
    assertThat(first.sql()).isEqualTo(" AND p.id <= ?");
    assertThat(first.parameters()).containsExactly(3L);
    assertThat(middle.sql()).isEqualTo(" AND p.id > ? AND p.id <= ?");
    assertThat(middle.parameters()).containsExactly(3L, 6L);
    assertThat(last.sql()).isEqualTo(" AND p.id > ?");
    assertThat(last.parameters()).containsExactly(6L);
  }

  @Test
  void aPartIsNeverNarrowerThanTheMinimum() {
    assertThat(ScanParts.between(1, 1_000_000, 2, 100_000).bounds()).containsExactly(500_000L);
    assertThat(ScanParts.between(1, 1_000_000, 16, 100_000).count()).isEqualTo(10);
    assertThat(ScanParts.between(1, 199_999, 2, 100_000).count()).isEqualTo(1);
    assertThat(ScanParts.between(5, 5, 4, 1).count()).isEqualTo(1);
  }

  @Test
  void oneStatementWhenParallelismIsOne() {
    assertThat(ScanParts.between(1, 1_000_000, 1, 1)).isEqualTo(new ScanParts(List.of()));
  }
}
