package io.herald.webadmin.segments.builder;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.segments.api.condition.Window;
import io.herald.segments.api.condition.ZoneChoice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TreeMapperTest {

  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-02-01T12:30:00Z");

  /** Every leaf type and every window, count, target, filter and negation the builder can show. */
  static ConditionDocument everything() {
    return ConditionDocument.of(
        new All(
            List.of(
                new AttributeCondition(
                    "plan", Match.of(Operator.EQUALS, new Operand.Text(" Pro  plan"))),
                new Not(
                    new AttributeCondition(
                        "signed_up",
                        new Match(
                            Operator.WITHIN_LAST_DAYS, new Operand.Days(7), ZoneChoice.PERSON))),
                new Any(
                    List.of(
                        new EventCondition(
                            "purchase",
                            true,
                            new Count(Count.Comparison.AT_LEAST, 3),
                            new Window.Last(30, ChronoUnit.DAYS),
                            List.of(
                                new PropertyMatch(
                                    "total",
                                    Match.of(
                                        Operator.GREATER_THAN,
                                        new Operand.Number(new BigDecimal("99.50")))),
                                new PropertyMatch(
                                    "sku",
                                    Match.of(Operator.REGEX, new Operand.Text("^A-\\d+$"))))),
                        new EventCondition(
                            "login",
                            false,
                            new Count(Count.Comparison.EXACTLY, 0),
                            new Window.Between(T1, T2),
                            List.of()),
                        new Not(
                            new All(
                                List.of(
                                    new EngagementCondition(
                                        EngagementCondition.Metric.CLICKED,
                                        "msg-1",
                                        null,
                                        new Count(Count.Comparison.AT_MOST, 2),
                                        new Window.Last(12, ChronoUnit.HOURS)),
                                    new EngagementCondition(
                                        EngagementCondition.Metric.UNSUBSCRIBED,
                                        null,
                                        "camp-9",
                                        Count.atLeastOnce(),
                                        new Window.Ever()),
                                    new EngagementCondition(
                                        EngagementCondition.Metric.RECEIVED,
                                        null,
                                        null,
                                        Count.atLeastOnce(),
                                        new Window.Last(90, ChronoUnit.MINUTES))))),
                        new Any(List.of()))),
                new RelationshipCondition(
                    "2",
                    List.of(
                        new PropertyMatch(
                            "industry",
                            Match.of(
                                Operator.IN_LIST,
                                new Operand.TextList(List.of("saas", "retail"))))),
                    List.of(
                        new PropertyMatch(
                            "since",
                            new Match(
                                Operator.BEFORE,
                                new Operand.Day(LocalDate.parse("2025-12-31")),
                                ZoneChoice.PERSON)))),
                new SegmentCondition(42),
                new DeviceCondition("ios", true),
                new DeviceCondition(null, null),
                new DeviceCondition("android", false))));
  }

  @Test
  void aDocumentBecomesATreeThatConvertsBackToTheSameDocument() {
    ConditionDocument document = everything();

    ConditionTree tree = TreeMapper.fromDocument(document);
    Problems problems = new Problems();

    assertThat(TreeMapper.toDocument(tree, problems)).contains(document);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void theTreeShowsTheDocumentsStructureAndValues() {
    ConditionTree tree = TreeMapper.fromDocument(everything());

    GroupNode root = tree.root();
    assertThat(root.getKind()).isEqualTo(GroupNode.Kind.ALL);
    assertThat(root.getChildren()).hasSize(8);
    LeafNode plan = (LeafNode) root.getChildren().get(0);
    assertThat(plan.getKind()).isEqualTo(LeafKind.ATTRIBUTE);
    assertThat(plan.getAttribute().getAttribute()).isEqualTo("plan");
    assertThat(plan.getAttribute().getMatch().getValue()).isEqualTo(" Pro  plan");
    LeafNode signedUp = (LeafNode) root.getChildren().get(1);
    assertThat(signedUp.isNegated()).isTrue();
    assertThat(signedUp.getAttribute().getMatch().getZone()).isEqualTo(ZoneChoice.PERSON);
    GroupNode any = (GroupNode) root.getChildren().get(2);
    assertThat(any.getKind()).isEqualTo(GroupNode.Kind.ANY);
    LeafNode purchase = (LeafNode) any.getChildren().get(0);
    assertThat(purchase.getEvent().getWindow().getKind()).isEqualTo(WindowModel.Kind.LAST);
    assertThat(purchase.getEvent().getWhere().getItems()).hasSize(2);
    assertThat(purchase.getEvent().getWhere().getItems().get(0).getMatch().getValue())
        .isEqualTo("99.50");
    LeafNode login = (LeafNode) any.getChildren().get(1);
    assertThat(login.getEvent().isPerformed()).isFalse();
    assertThat(login.getEvent().getWindow().getFrom()).isEqualTo("2026-01-01T00:00:00Z");
    GroupNode engagements = (GroupNode) any.getChildren().get(2);
    assertThat(engagements.isNegated()).isTrue();
    LeafNode clicked = (LeafNode) engagements.getChildren().get(0);
    assertThat(clicked.getEngagement().getTarget()).isEqualTo(EngagementLeaf.Target.MESSAGE);
    assertThat(clicked.getEngagement().getTargetId()).isEqualTo("msg-1");
    LeafNode related = (LeafNode) root.getChildren().get(3);
    assertThat(related.getRelationship().getObject().getItems().get(0).getMatch().getValue())
        .isEqualTo("saas\nretail");
    assertThat(((LeafNode) root.getChildren().get(4)).getSegment().getSegmentId()).isEqualTo("42");
    LeafNode ios = (LeafNode) root.getChildren().get(5);
    assertThat(ios.getDevice().getPlatform()).isEqualTo("ios");
    assertThat(ios.getDevice().getPush()).isEqualTo("true");
  }

  static Stream<Match> everyOperator() {
    return Stream.of(
        Match.of(Operator.EQUALS, new Operand.Text("a")),
        Match.of(Operator.NOT_EQUALS, new Operand.Text("")),
        Match.of(Operator.EXISTS, new Operand.None()),
        Match.of(Operator.NOT_EXISTS, new Operand.None()),
        Match.of(Operator.CONTAINS, new Operand.Text("x,y")),
        Match.of(Operator.STARTS_WITH, new Operand.Text("ab")),
        Match.of(Operator.ENDS_WITH, new Operand.Text("yz")),
        Match.of(Operator.GREATER_THAN, new Operand.Number(new BigDecimal("-1.5E+3"))),
        Match.of(Operator.LESS_THAN, new Operand.Number(new BigDecimal("10"))),
        Match.of(Operator.BEFORE, new Operand.Moment(Instant.ofEpochSecond(1_700_000_000L))),
        new Match(
            Operator.AFTER, new Operand.Day(LocalDate.parse("2026-03-29")), ZoneChoice.PERSON),
        new Match(Operator.WITHIN_LAST_DAYS, new Operand.Days(0), ZoneChoice.WORKSPACE),
        new Match(Operator.WITHIN_NEXT_DAYS, new Operand.Days(14), ZoneChoice.PERSON),
        Match.of(Operator.IN_LIST, new Operand.TextList(List.of("a b", "c"))),
        Match.of(Operator.REGEX, new Operand.Text("(?i)^vip")));
  }

  @ParameterizedTest
  @MethodSource("everyOperator")
  void everyOperatorRoundTrips(Match match) {
    ConditionDocument document =
        ConditionDocument.of(new Any(List.of(new AttributeCondition("a", match))));

    assertThat(TreeMapper.toDocument(TreeMapper.fromDocument(document), new Problems()))
        .contains(document);
  }

  @Test
  void everyOperatorIsCovered() {
    assertThat(everyOperator().map(Match::operator)).containsExactlyInAnyOrder(Operator.values());
  }

  @Test
  void aTreeBuiltInTheBuilderBecomesTheConditionsItShows() {
    ConditionTree tree = new ConditionTree();
    LeafNode plan = tree.addCondition(tree.root().getId()).orElseThrow();
    plan.getAttribute().setAttribute(" plan ");
    plan.getAttribute().getMatch().setValue("pro");
    GroupNode or = tree.addGroup(tree.root().getId()).orElseThrow();
    or.setKind(GroupNode.Kind.ANY);
    LeafNode event = (LeafNode) or.getChildren().get(0);
    event.setKind(LeafKind.EVENT);
    event.getEvent().setName("purchase");
    event.getEvent().getCount().setTimes("2");
    event.getEvent().getWindow().setKind(WindowModel.Kind.BETWEEN);
    event.getEvent().getWindow().setFrom("2026-01-01");
    event.getEvent().getWindow().setTo("1767268800");
    event.getEvent().getWhere().add();
    FilterModel filter = event.getEvent().getWhere().getItems().get(0);
    filter.setProperty("currency");
    filter.getMatch().setOperator(Operator.IN_LIST);
    filter.getMatch().setValue("EUR\n\n  USD \n");
    LeafNode device = tree.addCondition(or.getId()).orElseThrow();
    device.setKind(LeafKind.DEVICE);
    device.getDevice().setPlatform("android");
    tree.toggleNot(device.getId());
    tree.toggleNot(or.getId());

    Problems problems = new Problems();
    ConditionDocument document = TreeMapper.toDocument(tree, problems).orElseThrow();

    assertThat(document)
        .isEqualTo(
            ConditionDocument.of(
                new All(
                    List.of(
                        new AttributeCondition(
                            "plan", Match.of(Operator.EQUALS, new Operand.Text("pro"))),
                        new Not(
                            new Any(
                                List.of(
                                    new EventCondition(
                                        "purchase",
                                        true,
                                        new Count(Count.Comparison.AT_LEAST, 2),
                                        new Window.Between(
                                            T1, Instant.parse("2026-01-01T12:00:00Z")),
                                        List.of(
                                            new PropertyMatch(
                                                "currency",
                                                Match.of(
                                                    Operator.IN_LIST,
                                                    new Operand.TextList(List.of("EUR", "USD")))))),
                                    new Not(new DeviceCondition("android", null)))))))));
    // And the tree read back from it converts to the same conditions again.
    assertThat(TreeMapper.toDocument(TreeMapper.fromDocument(document), new Problems()))
        .contains(document);
  }

  @Test
  void aRootThatIsNotAGroupBecomesTheOnlyMemberOfATopAllGroup() {
    Condition leaf = new SegmentCondition(7);

    ConditionTree tree = TreeMapper.fromDocument(ConditionDocument.of(new Not(leaf)));

    assertThat(TreeMapper.toDocument(tree, new Problems()))
        .contains(ConditionDocument.of(new All(List.of(new Not(leaf)))));
  }

  @Test
  void chainsOfNotCollapse() {
    Condition leaf = new DeviceCondition(null, true);
    ConditionDocument document =
        ConditionDocument.of(
            new Not(
                new Not(
                    new Not(
                        new Any(
                            List.of(new Not(new Not(leaf)), new Not(new Not(new Not(leaf)))))))));

    ConditionTree tree = TreeMapper.fromDocument(document);

    assertThat(tree.root().isNegated()).isTrue();
    assertThat(TreeMapper.toDocument(tree, new Problems()))
        .contains(ConditionDocument.of(new Not(new Any(List.of(leaf, new Not(leaf))))));
  }

  @Test
  void anEmptyTreeIsAnEmptyAllGroup() {
    assertThat(TreeMapper.toDocument(new ConditionTree(), new Problems()))
        .contains(ConditionDocument.of(new All(List.of())));
  }
}
