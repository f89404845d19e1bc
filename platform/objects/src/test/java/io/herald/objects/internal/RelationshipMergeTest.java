package io.herald.objects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelationshipMergeTest {

  @Test
  void thePrimarysOwnRelationshipWinsAndTheRestMove() {
    RelationshipMerge plan =
        RelationshipMerge.plan(
            List.of(
                new RelationshipMerge.Entry(10, 100),
                new RelationshipMerge.Entry(11, 101),
                new RelationshipMerge.Entry(12, 102)),
            Set.of(101L, 555L));
    assertThat(plan.move()).containsExactly(10L, 12L);
    assertThat(plan.drop()).containsExactly(11L);
    assertThat(RelationshipMerge.plan(List.of(), Set.of(1L)).move()).isEmpty();
  }

  @Test
  void aWorkspaceSettingOverridesTheConfiguredTypeLimit() {
    assertThat(TypeLimit.effective(50, Optional.empty())).isEqualTo(50);
    assertThat(TypeLimit.effective(50, Optional.of(3))).isEqualTo(3);
    assertThat(TypeLimit.effective(-1, Optional.empty())).isZero();
  }
}
