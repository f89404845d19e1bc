package io.herald.segments.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.Window;
import io.herald.testing.MigratedTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event leaves in SQL: names, counts, windows, data filters and "did not perform". */
class EventSqlIT extends SqlTestBase {

  private static final Window EVER = new Window.Ever();

  private static Condition performed(String name, Count count, Window window) {
    return new EventCondition(name, true, count, window, List.of());
  }

  private static Count atLeast(int n) {
    return new Count(Count.Comparison.AT_LEAST, n);
  }

  private static Count atMost(int n) {
    return new Count(Count.Comparison.AT_MOST, n);
  }

  private static Count exactly(int n) {
    return new Count(Count.Comparison.EXACTLY, n);
  }

  private void events(String cioId, String name, int times) {
    for (int i = 0; i < times; i++) {
      data.event(cioId, name, NOW.minus(Duration.ofHours(i + 1)), "{}");
    }
  }

  @Test
  void countsCompareAtLeastAtMostAndExactly() {
    data.person("none", "{}");
    data.person("one", "{}");
    data.person("three", "{}");
    events("one", "login", 1);
    events("three", "login", 3);
    events("none", "logout", 5);

    assertThat(who(performed("login", atLeast(0), EVER))).containsExactly("none", "one", "three");
    assertThat(who(performed("login", atLeast(1), EVER))).containsExactly("one", "three");
    assertThat(who(performed("login", atLeast(2), EVER))).containsExactly("three");
    assertThat(who(performed("login", atMost(0), EVER))).containsExactly("none");
    assertThat(who(performed("login", atMost(1), EVER))).containsExactly("none", "one");
    assertThat(who(performed("login", exactly(0), EVER))).containsExactly("none");
    assertThat(who(performed("login", exactly(3), EVER))).containsExactly("three");
    assertThat(who(performed("login", exactly(2), EVER))).isEmpty();
  }

  @Test
  void notPerformedNegatesTheWholeLeaf() {
    data.person("none", "{}");
    data.person("three", "{}");
    events("three", "login", 3);

    assertThat(who(new EventCondition("login", false, atLeast(3), EVER, List.of())))
        .containsExactly("none");
    assertThat(who(new EventCondition("login", false, atLeast(1), EVER, List.of())))
        .containsExactly("none");
    assertThat(who(new EventCondition("login", false, atMost(0), EVER, List.of())))
        .containsExactly("three");
  }

  @Test
  void namesCompareExactly() {
    data.person("p", "{}");
    data.event("p", "Login", NOW, "{}");
    data.event("p", "login ", NOW, "{}");

    assertThat(who(performed("login", atLeast(1), EVER))).isEmpty();
    assertThat(who(performed("Login", atLeast(1), EVER))).containsExactly("p");
    assertThat(who(performed("login ", atLeast(1), EVER))).containsExactly("p");
  }

  @Test
  void aLastWindowTakesEventsAfterNowMinusItsLengthAndUpToNow() {
    Instant sevenDaysAgo = NOW.minus(7, ChronoUnit.DAYS);
    data.person("at-start", "{}");
    data.person("just-inside", "{}");
    data.person("now", "{}");
    data.person("future", "{}");
    data.event("at-start", "visit", sevenDaysAgo, "{}");
    data.event("just-inside", "visit", sevenDaysAgo.plusMillis(1), "{}");
    data.event("now", "visit", NOW, "{}");
    data.event("future", "visit", NOW.plusMillis(1), "{}");

    Window lastWeek = new Window.Last(7, ChronoUnit.DAYS);
    assertThat(who(performed("visit", atLeast(1), lastWeek))).containsExactly("just-inside", "now");
    assertThat(who(performed("visit", atLeast(1), new Window.Last(168, ChronoUnit.HOURS))))
        .containsExactly("just-inside", "now");
    assertThat(who(performed("visit", atLeast(1), new Window.Last(1, ChronoUnit.MINUTES))))
        .containsExactly("now");
    // A sub-millisecond now: stored times are whole milliseconds.
    assertThat(who(performed("visit", atLeast(1), lastWeek), NOW.plusNanos(500_000), PARIS))
        .containsExactly("just-inside", "now");
    assertThat(who(performed("visit", atLeast(1), lastWeek), NOW.minusNanos(1), PARIS))
        .containsExactly("at-start", "just-inside");
    assertThat(who(performed("visit", atLeast(1), EVER)))
        .containsExactly("at-start", "future", "just-inside", "now");
  }

  @Test
  void aBetweenWindowIncludesItsStartExcludesItsEndAndIgnoresNow() {
    Instant from = Instant.parse("2030-01-01T00:00:00Z");
    Instant to = Instant.parse("2030-02-01T00:00:00Z");
    data.person("before", "{}");
    data.person("from", "{}");
    data.person("last-milli", "{}");
    data.person("to", "{}");
    data.event("before", "trip", from.minusMillis(1), "{}");
    data.event("from", "trip", from, "{}");
    data.event("last-milli", "trip", to.minusMillis(1), "{}");
    data.event("to", "trip", to, "{}");

    assertThat(who(performed("trip", atLeast(1), new Window.Between(from, to))))
        .containsExactly("from", "last-milli");
    assertThat(who(performed("trip", atLeast(1), new Window.Between(from.plusNanos(1), to))))
        .containsExactly("last-milli");
    assertThat(who(performed("trip", atLeast(1), new Window.Between(from, to.minusNanos(1)))))
        .containsExactly("from", "last-milli");
    assertThat(who(performed("trip", atLeast(1), new Window.Between(Instant.MIN, Instant.MAX))))
        .containsExactly("before", "from", "last-milli", "to");
  }

  @Test
  void filtersOnEventDataMustAllMatchTheSameEvent() {
    data.person("both", "{}");
    data.person("split", "{}");
    data.event("both", "purchase", NOW, "{\"plan\":\"pro\",\"amount\":50}");
    data.event("split", "purchase", NOW, "{\"plan\":\"pro\",\"amount\":5}");
    data.event("split", "purchase", NOW, "{\"plan\":\"basic\",\"amount\":500}");

    var pro = new PropertyMatch("plan", Match.of(Operator.EQUALS, text("pro")));
    var big = new PropertyMatch("amount", Match.of(Operator.GREATER_THAN, number("10")));
    assertThat(who(new EventCondition("purchase", true, atLeast(1), EVER, List.of(pro, big))))
        .containsExactly("both");
    assertThat(who(new EventCondition("purchase", true, atLeast(2), EVER, List.of(big)))).isEmpty();
    var noCoupon = new PropertyMatch("coupon", Match.of(Operator.NOT_EXISTS, none()));
    assertThat(who(new EventCondition("purchase", true, exactly(2), EVER, List.of(noCoupon))))
        .containsExactly("split");
  }

  @Test
  void onlyThePersonsOwnEventsCount() {
    data.person("p", "{}");
    data.person("q", "{}");
    data.event("q", "signup", NOW, "{}");
    data.anonymousEvent("visitor", "signup", NOW);
    new TestData(MigratedTestDatabase.dataSource(), data.workspace() + 1)
        .event("p", "signup", NOW, "{}");

    assertThat(who(performed("signup", atLeast(1), EVER))).containsExactly("q");
  }
}
