package io.herald.segments.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.ZoneChoice;
import io.herald.testing.MigratedTestDatabase;
import io.herald.testing.RequiresTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs conditions through all three {@link SqlSegmentQueries} reads on a workspace of the test's
 * own, and checks they agree with each other before returning who matched.
 */
@RequiresTestDatabase
abstract class SqlTestBase {

  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  final TestData data =
      new TestData(MigratedTestDatabase.dataSource(), MigratedTestDatabase.freshWorkspace());

  /** Small pages, so the tests walk several of them. */
  final SqlSegmentQueries queries = new SqlSegmentQueries(MigratedTestDatabase.dataSource(), 3);

  final SqlRebuildSets sets = new SqlRebuildSets(MigratedTestDatabase.dataSource());

  /** Collects in three parts of the people's keys, side by side, whatever the server's plan. */
  static final SqlRebuildSets SPLIT = new SqlRebuildSets(MigratedTestDatabase.dataSource(), 3);

  /** The cio_ids of the people matching at {@link #NOW} in Paris. */
  Set<String> who(Condition condition) {
    return who(condition, NOW, PARIS);
  }

  /** The cio_ids matching at {@code now} in {@code zone}; count, batch and verdicts must agree. */
  Set<String> who(Condition condition, Instant now, ZoneId zone) {
    WorkspaceId workspace = new WorkspaceId(data.workspace());
    List<String> byVerdicts = new ArrayList<>();
    long after = 0;
    int people = 0;
    for (List<SegmentQueries.Verdict> page;
        !(page = queries.verdicts(workspace, condition, now, zone, after, 2)).isEmpty(); ) {
      for (SegmentQueries.Verdict v : page) {
        assertThat(v.key()).isGreaterThan(after);
        after = v.key();
        people++;
        if (v.matches()) {
          byVerdicts.add(v.cioId());
        }
      }
    }
    List<String> byBatch = new ArrayList<>();
    after = 0;
    for (List<SegmentQueries.Match> page;
        !(page = queries.batch(workspace, condition, now, zone, after, 2)).isEmpty(); ) {
      assertThat(page.size()).isLessThanOrEqualTo(2);
      for (SegmentQueries.Match m : page) {
        assertThat(m.key()).isGreaterThan(after);
        after = m.key();
        byBatch.add(m.cioId());
      }
    }
    assertThat(byBatch).as("batch agrees with verdicts").isEqualTo(byVerdicts);
    assertThat(queries.count(workspace, condition, now, zone))
        .as("count agrees with verdicts")
        .isEqualTo(byVerdicts.size());
    assertThat(people).as("verdicts cover everyone").isEqualTo(everyone());
    long run = StagedSets.nextRun();
    sets.collect(workspace, condition, now, zone, StagedSets.SEGMENT, run);
    assertThat(StagedSets.matches(MigratedTestDatabase.dataSource(), run))
        .as("collect agrees with verdicts")
        .containsExactlyInAnyOrderElementsOf(byVerdicts);
    long split = StagedSets.nextRun();
    assertThat(SPLIT.collect(workspace, condition, now, zone, StagedSets.SEGMENT, split))
        .isEqualTo(byVerdicts.size());
    assertThat(StagedSets.matches(MigratedTestDatabase.dataSource(), split))
        .as("collect in parts agrees with verdicts")
        .containsExactlyInAnyOrderElementsOf(byVerdicts);
    return new TreeSet<>(byVerdicts);
  }

  private int everyone() {
    return (int)
        queries.count(
            new WorkspaceId(data.workspace()),
            new io.herald.segments.api.condition.All(List.of()),
            NOW,
            PARIS);
  }

  static Condition attr(String name, Operator operator, Operand operand) {
    return new AttributeCondition(name, Match.of(operator, operand));
  }

  static Condition attr(String name, Operator operator, Operand operand, ZoneChoice zone) {
    return new AttributeCondition(name, new Match(operator, operand, zone));
  }

  static Operand text(String value) {
    return new Operand.Text(value);
  }

  static Operand number(String value) {
    return new Operand.Number(new BigDecimal(value));
  }

  static Operand none() {
    return new Operand.None();
  }
}
