package io.herald.segments.internal.sql;

import static io.herald.segments.api.condition.Operator.EQUALS;
import static io.herald.segments.api.condition.Operator.EXISTS;
import static io.herald.segments.api.condition.Operator.WITHIN_LAST_DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.ZoneChoice;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups, paging and workspace isolation of {@link SqlSegmentQueries}. */
class QueriesSqlIT extends SqlTestBase {

  @Test
  void groupsCombineWithTwoValuedLogic() {
    data.person("a", "{\"x\":\"1\",\"y\":\"1\"}");
    data.person("b", "{\"x\":\"1\"}");
    data.person("c", "{\"y\":\"1\"}");
    data.person("d", "{}");
    Condition x = attr("x", EQUALS, text("1"));
    Condition y = attr("y", EQUALS, text("1"));

    assertThat(who(new All(List.of()))).containsExactly("a", "b", "c", "d");
    assertThat(who(new Any(List.of()))).isEmpty();
    assertThat(who(new Not(new All(List.of())))).isEmpty();
    assertThat(who(new All(List.of(x, y)))).containsExactly("a");
    assertThat(who(new Any(List.of(x, y)))).containsExactly("a", "b", "c");
    // NOT of a comparison on a missing attribute: false for everyone without it, so NOT is true.
    assertThat(who(new Not(x))).containsExactly("c", "d");
    assertThat(who(new Not(new Any(List.of(x, y))))).containsExactly("d");
    assertThat(who(new Any(List.of(new Not(x), new All(List.of(x, new Not(y)))))))
        .containsExactly("b", "c", "d");
  }

  @Test
  void batchesPageInKeyOrderAfterTheCursor() {
    long first = data.person("p1", "{\"on\":true}");
    data.person("p2", "{}");
    long third = data.person("p3", "{\"on\":true}");
    long fourth = data.person("p4", "{\"on\":true}");
    WorkspaceId workspace = new WorkspaceId(data.workspace());
    Condition on = attr("on", EXISTS, none());

    assertThat(queries.batch(workspace, on, NOW, PARIS, 0, 2))
        .containsExactly(
            new SegmentQueries.Match(first, "p1"), new SegmentQueries.Match(third, "p3"));
    assertThat(queries.batch(workspace, on, NOW, PARIS, third, 2))
        .containsExactly(new SegmentQueries.Match(fourth, "p4"));
    assertThat(queries.batch(workspace, on, NOW, PARIS, fourth, 2)).isEmpty();
    assertThat(queries.verdicts(workspace, on, NOW, PARIS, first, 2))
        .extracting(SegmentQueries.Verdict::cioId, SegmentQueries.Verdict::matches)
        .containsExactly(tuple("p2", false), tuple("p3", true));
  }

  @Test
  void aBatchInThePersonsZoneWalksPagesUntilItHasEnoughMatches() {
    // 02:00Z on the 29th is "today" (the 29th) in London, but before the 29th began in New York.
    String date = Long.toString(Instant.parse("2026-11-29T02:00:00Z").getEpochSecond());
    for (int i = 0; i < 10; i++) {
      String zone = i % 2 == 0 ? "Europe/London" : "America/New_York";
      data.person("p" + i, "{\"timezone\":\"" + zone + "\",\"d\":" + date + "}");
    }
    Condition today = attr("d", WITHIN_LAST_DAYS, new Operand.Days(0), ZoneChoice.PERSON);
    WorkspaceId workspace = new WorkspaceId(data.workspace());

    // Zone pages of 3 people: p0-p2 hold two matches, the third is on the next page.
    List<SegmentQueries.Match> first = queries.batch(workspace, today, NOW, PARIS, 0, 3);
    assertThat(first).extracting(SegmentQueries.Match::cioId).containsExactly("p0", "p2", "p4");
    assertThat(queries.batch(workspace, today, NOW, PARIS, first.get(2).key(), 3))
        .extracting(SegmentQueries.Match::cioId)
        .containsExactly("p6", "p8");
    assertThat(who(today)).containsExactly("p0", "p2", "p4", "p6", "p8");
  }

  @Test
  void otherWorkspacesAreInvisible() {
    data.person("mine", "{\"x\":1}");
    new TestData(MigratedTestDatabase.dataSource(), data.workspace() + 1)
        .person("theirs", "{\"x\":1}");

    assertThat(who(attr("x", EXISTS, none()))).containsExactly("mine");
  }

  @Test
  void aLimitBelowOneIsRefused() {
    WorkspaceId workspace = new WorkspaceId(data.workspace());
    assertThatThrownBy(() -> queries.batch(workspace, new All(List.of()), NOW, PARIS, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> queries.verdicts(workspace, new All(List.of()), NOW, PARIS, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }
}
