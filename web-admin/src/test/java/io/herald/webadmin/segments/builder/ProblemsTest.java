package io.herald.webadmin.segments.builder;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.Operator;
import org.junit.jupiter.api.Test;

/** What the builder reports for fields that do not make a condition, naming node and field. */
class ProblemsTest {

  private final ConditionTree tree = new ConditionTree();

  private LeafNode leaf(LeafKind kind) {
    LeafNode leaf = tree.addCondition(tree.root().getId()).orElseThrow();
    leaf.setKind(kind);
    return leaf;
  }

  private Problems convert() {
    Problems problems = new Problems();
    assertThat(TreeMapper.toDocument(tree, problems)).isEmpty();
    return problems;
  }

  @Test
  void everyBadFieldIsReportedWithTheConditionsPositionAndNothingIsConverted() {
    LeafNode attribute = leaf(LeafKind.ATTRIBUTE);
    attribute.getAttribute().getMatch().setOperator(Operator.GREATER_THAN);
    attribute.getAttribute().getMatch().setValue("ten");
    GroupNode group = tree.addGroup(tree.root().getId()).orElseThrow();
    LeafNode event = (LeafNode) group.getChildren().get(0);
    event.setKind(LeafKind.EVENT);
    event.getEvent().getCount().setTimes("-1");
    event.getEvent().getWindow().setKind(WindowModel.Kind.LAST);
    event.getEvent().getWindow().setAmount("0");
    event.getEvent().getWhere().add();

    Problems problems = convert();

    assertThat(problems.all())
        .extracting(Problems.Problem::message)
        .containsExactly(
            "Condition 1, attribute: name the attribute",
            "Condition 1, value: 'ten' is not a number",
            "Condition 2.1, event: name the event",
            "Condition 2.1, times: must be at least 0",
            "Condition 2.1, window: must be at least 1",
            "Condition 2.1, data property: name the property");
    assertThat(problems.all())
        .extracting(Problems.Problem::nodeId)
        .containsExactly(
            attribute.getId(),
            attribute.getId(),
            event.getId(),
            event.getId(),
            event.getId(),
            event.getId());
  }

  @Test
  void operandsAreCheckedForTheirOperator() {
    LeafNode regex = leaf(LeafKind.ATTRIBUTE);
    regex.getAttribute().setAttribute("a");
    regex.getAttribute().getMatch().setOperator(Operator.REGEX);
    regex.getAttribute().getMatch().setValue("(unclosed");
    LeafNode date = leaf(LeafKind.ATTRIBUTE);
    date.getAttribute().setAttribute("b");
    date.getAttribute().getMatch().setOperator(Operator.BEFORE);
    date.getAttribute().getMatch().setValue("yesterday");
    LeafNode list = leaf(LeafKind.ATTRIBUTE);
    list.getAttribute().setAttribute("c");
    list.getAttribute().getMatch().setOperator(Operator.IN_LIST);
    list.getAttribute().getMatch().setValue(" \n ");
    LeafNode days = leaf(LeafKind.ATTRIBUTE);
    days.getAttribute().setAttribute("d");
    days.getAttribute().getMatch().setOperator(Operator.WITHIN_NEXT_DAYS);
    days.getAttribute().getMatch().setValue("2.5");
    LeafNode month = leaf(LeafKind.ATTRIBUTE);
    month.getAttribute().setAttribute("e");
    month.getAttribute().getMatch().setOperator(Operator.AFTER);
    month.getAttribute().getMatch().setValue("2026-02-30");

    assertThat(convert().all())
        .extracting(Problems.Problem::message)
        .containsExactly(
            "Condition 1, value: not a regular expression: Unclosed group",
            "Condition 2, value: 'yesterday' is not a day (2026-01-31), an instant"
                + " (2026-01-31T12:00:00Z) or Unix seconds",
            "Condition 3, value: give at least one value, one per line",
            "Condition 4, value: '2.5' is not a whole number",
            "Condition 5, value: '2026-02-30' is not a day of the calendar");
  }

  @Test
  void theOtherLeavesNeedTheirChoices() {
    LeafNode engagement = leaf(LeafKind.ENGAGEMENT);
    engagement.getEngagement().setTarget(EngagementLeaf.Target.CAMPAIGN);
    engagement.getEngagement().getWindow().setKind(WindowModel.Kind.BETWEEN);
    engagement.getEngagement().getWindow().setFrom("2026-02-01");
    engagement.getEngagement().getWindow().setTo("2026-01-01");
    LeafNode relationship = leaf(LeafKind.RELATIONSHIP);
    relationship.getRelationship().getRelationship().add();
    relationship.getRelationship().getRelationship().getItems().get(0).setProperty("role");
    relationship
        .getRelationship()
        .getRelationship()
        .getItems()
        .get(0)
        .getMatch()
        .setOperator(Operator.LESS_THAN);
    leaf(LeafKind.SEGMENT);
    LeafNode device = leaf(LeafKind.DEVICE);
    device.getDevice().setPlatform("windows");

    assertThat(convert().all())
        .extracting(Problems.Problem::message)
        .containsExactly(
            "Condition 1, campaign: give its id",
            "Condition 1, window: from must be before to",
            "Condition 2, object type: choose the object type",
            "Condition 2, relationship role: '' is not a number",
            "Condition 3, segment: choose a segment",
            "Condition 4, platform: 'windows' is not ios or android");
  }

  @Test
  void onlyTheChosenKindIsChecked() {
    LeafNode leaf = leaf(LeafKind.EVENT);
    leaf.getEvent().setName("login");
    leaf.getAttribute().getMatch().setOperator(Operator.GREATER_THAN);

    Problems problems = new Problems();
    assertThat(TreeMapper.toDocument(tree, problems)).isPresent();
    assertThat(problems.isEmpty()).isTrue();
  }
}
