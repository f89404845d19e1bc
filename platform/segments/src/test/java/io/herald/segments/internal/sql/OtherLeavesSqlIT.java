package io.herald.segments.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EngagementCondition.Metric;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.segments.api.condition.Window;
import io.herald.testing.MigratedTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engagement, relationship, segment and device leaves in SQL. */
class OtherLeavesSqlIT extends SqlTestBase {

  @Test
  void engagementsCountTheMetricForAMessageACampaignOrAnyMessageInTheWindow() {
    data.person("a", "{}");
    data.person("b", "{}");
    data.person("c", "{}");
    data.engagement("a", Metric.OPENED, "m1", "c1", NOW.minus(1, ChronoUnit.DAYS));
    data.engagement("a", Metric.OPENED, "m2", null, NOW.minus(1, ChronoUnit.HOURS));
    data.engagement("b", Metric.OPENED, "M1", "c1", NOW.minus(10, ChronoUnit.DAYS));
    data.engagement("c", Metric.CLICKED, "m1", "c1", NOW);

    Window ever = new Window.Ever();
    Count once = Count.atLeastOnce();
    assertThat(who(new EngagementCondition(Metric.OPENED, null, null, once, ever)))
        .containsExactly("a", "b");
    assertThat(who(new EngagementCondition(Metric.OPENED, "m1", null, once, ever)))
        .containsExactly("a");
    assertThat(who(new EngagementCondition(Metric.OPENED, null, "c1", once, ever)))
        .containsExactly("a", "b");
    assertThat(who(new EngagementCondition(Metric.OPENED, null, "C1", once, ever))).isEmpty();
    assertThat(
            who(
                new EngagementCondition(
                    Metric.OPENED, null, null, once, new Window.Last(2, ChronoUnit.DAYS))))
        .containsExactly("a");
    assertThat(
            who(
                new EngagementCondition(
                    Metric.OPENED, null, null, new Count(Count.Comparison.EXACTLY, 2), ever)))
        .containsExactly("a");
    assertThat(
            who(
                new EngagementCondition(
                    Metric.OPENED, null, null, new Count(Count.Comparison.AT_MOST, 0), ever)))
        .containsExactly("c");
    assertThat(who(new EngagementCondition(Metric.CLICKED, "m1", null, once, ever)))
        .containsExactly("c");
    assertThat(who(new EngagementCondition(Metric.CONVERTED, null, null, once, ever))).isEmpty();
  }

  @Test
  void aRelationshipNeedsOneObjectOfTheTypeMatchingBothFilterLists() {
    data.person("a", "{}");
    data.person("b", "{}");
    data.person("c", "{}");
    data.objectType(1);
    data.objectType(2);
    long acme = data.object(1, "acme", "{\"tier\":\"gold\"}");
    long globex = data.object(1, "globex", "{\"tier\":\"silver\"}");
    long other = data.object(2, "x", "{\"tier\":\"gold\"}");
    data.relationship(acme, "a", "{\"role\":\"admin\"}");
    data.relationship(globex, "b", "{\"role\":\"admin\"}");
    data.relationship(acme, "b", "{\"role\":\"viewer\"}");
    data.relationship(other, "c", "{\"role\":\"admin\"}");

    var gold = new PropertyMatch("tier", Match.of(Operator.EQUALS, text("gold")));
    var admin = new PropertyMatch("role", Match.of(Operator.EQUALS, text("admin")));
    assertThat(who(new RelationshipCondition("1", List.of(), List.of()))).containsExactly("a", "b");
    assertThat(who(new RelationshipCondition("2", List.of(), List.of()))).containsExactly("c");
    assertThat(who(new RelationshipCondition("1", List.of(gold), List.of())))
        .containsExactly("a", "b");
    assertThat(who(new RelationshipCondition("1", List.of(), List.of(admin))))
        .containsExactly("a", "b");
    assertThat(who(new RelationshipCondition("1", List.of(gold), List.of(admin))))
        .containsExactly("a");
    assertThat(who(new RelationshipCondition("01", List.of(), List.of()))).isEmpty();
    assertThat(who(new RelationshipCondition("one", List.of(), List.of()))).isEmpty();
    assertThat(who(new RelationshipCondition("3", List.of(), List.of()))).isEmpty();
  }

  @Test
  void aRelationshipLeafReadInPartsOfItsObjectsFindsEachPersonOnce() throws SQLException {
    data.objectType(1);
    List<Long> objects = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      objects.add(data.object(1, "o" + i, "{}"));
      data.person("only" + i, "{\"plan\":\"" + (i % 2 == 0 ? "pro" : "free") + "\"}");
      data.relationship(objects.get(i), "only" + i, "{\"role\":\"admin\"}");
    }
    // Related to objects of the first and the last part: both parts find them.
    data.person("both", "{\"plan\":\"pro\"}");
    data.relationship(objects.get(0), "both", "{\"role\":\"admin\"}");
    data.relationship(objects.get(5), "both", "{\"role\":\"admin\"}");
    data.person("viewer", "{\"plan\":\"pro\"}");
    data.relationship(objects.get(3), "viewer", "{\"role\":\"viewer\"}");
    try (Connection c = MigratedTestDatabase.dataSource().getConnection()) {
      assertThat(ScanParts.objects(c, data.workspace(), 1, 3, 1).count())
          .as("the collects below read three parts of the objects")
          .isEqualTo(3);
    }

    var admin = new PropertyMatch("role", Match.of(Operator.EQUALS, text("admin")));
    var related = new RelationshipCondition("1", List.of(), List.of(admin));
    assertThat(who(related))
        .containsExactly("both", "only0", "only1", "only2", "only3", "only4", "only5");
    // The cheapest member of an AND: the parts' people are checked against the tree.
    assertThat(who(new All(List.of(related, attr("plan", Operator.EQUALS, text("pro"))))))
        .containsExactly("both", "only0", "only2", "only4");
  }

  @Test
  void aSegmentLeafReadsMembershipsOfThisWorkspace() {
    data.person("a", "{}");
    data.person("b", "{}");
    long segment = data.segment();
    long otherSegment = data.segment();
    data.member(segment, "a");
    data.member(otherSegment, "b");
    TestData elsewhere = new TestData(MigratedTestDatabase.dataSource(), data.workspace() + 1);
    elsewhere.member(elsewhere.segment(), "b");

    assertThat(who(new SegmentCondition(segment))).containsExactly("a");
    assertThat(who(new SegmentCondition(otherSegment))).containsExactly("b");
    assertThat(who(new SegmentCondition(Long.MAX_VALUE))).isEmpty();
  }

  @Test
  void devicesMatchOnPlatformAndPushState() {
    long ios = data.person("ios-off", "{}");
    data.device(ios, "t1", "ios", "{\"push_enabled\":false}");
    long android = data.person("android-off-text", "{}");
    data.device(android, "t2", "android", "{\"push_enabled\":\"false\"}");
    long both = data.person("both-on", "{}");
    data.device(both, "t3", "ios", "{}");
    data.device(both, "t4", "android", "{\"push_enabled\":\"False\",\"x\":1}");
    long odd = data.person("odd-values-on", "{}");
    data.device(odd, "t5", "android", "{\"push_enabled\":0}");
    data.device(odd, "t6", "android", "{\"push_enabled\":null}");
    data.person("no-device", "{}");

    assertThat(who(new DeviceCondition(null, null)))
        .containsExactly("android-off-text", "both-on", "ios-off", "odd-values-on");
    assertThat(who(new DeviceCondition("ios", null))).containsExactly("both-on", "ios-off");
    assertThat(who(new DeviceCondition("IOS", null))).isEmpty();
    assertThat(who(new DeviceCondition(null, true))).containsExactly("both-on", "odd-values-on");
    assertThat(who(new DeviceCondition(null, false)))
        .containsExactly("android-off-text", "ios-off");
    assertThat(who(new DeviceCondition("ios", false))).containsExactly("ios-off");
    assertThat(who(new DeviceCondition("android", true)))
        .containsExactly("both-on", "odd-values-on");
  }
}
