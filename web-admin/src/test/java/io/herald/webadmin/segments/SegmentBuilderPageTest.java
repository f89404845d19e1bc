package io.herald.webadmin.segments;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.SegmentPreview;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.webadmin.fakes.FakeDataSegments;
import io.herald.webadmin.fakes.FakeObjects;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.FakeSegments;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import io.herald.webadmin.segments.builder.GroupNode;
import io.herald.webadmin.segments.builder.LeafKind;
import io.herald.webadmin.segments.builder.LeafNode;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentBuilderPageTest {

  private final FakePeople people = new FakePeople();
  private final FakeSegments segments = new FakeSegments(people);
  private final FakeDataSegments dataSegments = new FakeDataSegments(segments);
  private final FakeObjects objects = new FakeObjects();
  private final Messages messages = new Messages();

  SegmentBuilderPageTest() {
    people.add(1, Json.createObjectBuilder().build(), Map.of());
    people.add(2, Json.createObjectBuilder().build(), Map.of());
    // The preview counts the conditions at the top level and samples the first people.
    dataSegments.previews =
        d ->
            new SegmentPreview(
                (d.root() instanceof All all ? all.conditions() : ((Any) d.root()).conditions())
                        .size()
                    * 10L,
                List.of("c2", "c9"));
  }

  private SegmentBuilderPage page(FakeRoleUser user, Long id) {
    SegmentBuilderPage page = new SegmentBuilderPage();
    page.dataSegments = dataSegments;
    page.segments = segments;
    page.people = people;
    page.objects = objects;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setId(id);
    page.load();
    return page;
  }

  private static AttributeCondition plan(String value) {
    return new AttributeCondition("plan", Match.of(Operator.EQUALS, new Operand.Text(value)));
  }

  @Test
  void aNewBuilderPreviewsEveryoneAndOffersTheWorkspacesSegmentsAndObjectTypes() {
    segments.add("VIPs", SegmentType.MANUAL);
    objects.addType("1", "Companies");

    SegmentBuilderPage page = page(FakeRoleUser.editor(), null);

    assertThat(page.isReady()).isTrue();
    assertThat(dataSegments.previewed).containsExactly(ConditionDocument.of(new All(List.of())));
    assertThat(dataSegments.sampleSizeAsked).isEqualTo(PreviewPanel.SAMPLE_SIZE);
    assertThat(page.getPreview().getCount()).isZero();
    assertThat(page.getPreview().getSample())
        .containsExactly(
            new PreviewPanel.Sample("c2", "u2", "u2@example.com"),
            new PreviewPanel.Sample("c9", null, null));
    assertThat(page.getChoices().segments())
        .containsExactly(new BuilderChoices.Choice("1", "VIPs (1)"));
    assertThat(page.getChoices().objectTypes())
        .containsExactly(new BuilderChoices.Choice("1", "Companies (1)"));
  }

  @Test
  void everyChangeRefreshesThePreviewAndUnparsableFieldsAreMarkedOnTheirCondition() {
    SegmentBuilderPage page = page(FakeRoleUser.editor(), null);
    int root = page.getTree().root().getId();

    page.addCondition(root);
    LeafNode leaf = (LeafNode) page.getTree().root().getChildren().get(0);

    assertThat(dataSegments.previewed).hasSize(1);
    assertThat(page.getPreview().getCount()).isNull();
    assertThat(page.getPreview().getNote()).contains("Fix the conditions");
    assertThat(page.problemsOf(leaf.getId())).containsExactly("attribute: name the attribute");

    leaf.getAttribute().setAttribute("plan");
    leaf.getAttribute().getMatch().setValue("pro");
    page.changed();

    assertThat(page.getProblems()).isEmpty();
    assertThat(dataSegments.previewed)
        .last()
        .isEqualTo(ConditionDocument.of(new All(List.of(plan("pro")))));
    assertThat(page.getPreview().getCount()).isEqualTo(10);

    page.addGroup(root);
    GroupNode group = (GroupNode) page.getTree().root().getChildren().get(1);
    LeafNode inner = (LeafNode) group.getChildren().get(0);
    inner.setKind(LeafKind.SEGMENT);
    inner.getSegment().setSegmentId("77");
    group.setKind(GroupNode.Kind.ANY);
    page.toggleNot(group.getId());

    assertThat(dataSegments.previewed)
        .last()
        .isEqualTo(
            ConditionDocument.of(
                new All(
                    List.of(plan("pro"), new Not(new Any(List.of(new SegmentCondition(77))))))));
    assertThat(page.getPreview().getCount()).isEqualTo(20);

    page.remove(group.getId());
    assertThat(page.getPreview().getCount()).isEqualTo(10);
  }

  @Test
  void filtersAreAddedAndRemovedWithAPreviewEachTime() {
    SegmentBuilderPage page = page(FakeRoleUser.editor(), null);
    LeafNode leaf = page.getTree().addCondition(page.getTree().root().getId()).orElseThrow();
    leaf.setKind(LeafKind.EVENT);
    leaf.getEvent().setName("purchase");

    page.addFilter(leaf.getEvent().getWhere());
    assertThat(page.problemsOf(leaf.getId())).containsExactly("data property: name the property");

    page.removeFilter(leaf.getEvent().getWhere(), leaf.getEvent().getWhere().getItems().get(0));
    assertThat(page.getProblems()).isEmpty();
    assertThat(page.getPreview().getCount()).isEqualTo(10);
  }

  @Test
  void whatTheServiceRefusesIsShownOnTheConditionItNames() {
    SegmentBuilderPage page = page(FakeRoleUser.editor(), null);
    LeafNode leaf = page.getTree().addCondition(page.getTree().root().getId()).orElseThrow();
    leaf.setKind(LeafKind.SEGMENT);
    leaf.getSegment().setSegmentId("404");
    dataSegments.refuseConditions =
        new InvalidConditionException(
            "$.condition.and[0].segment.id", "no segment 404 in this workspace");

    page.changed();

    assertThat(page.problemsOf(leaf.getId()))
        .containsExactly("segment.id: no segment 404 in this workspace");
    assertThat(page.getProblems().get(0).message())
        .isEqualTo("Condition 1, segment.id: no segment 404 in this workspace");
    assertThat(page.getPreview().getCount()).isNull();

    page.setName("Broken");
    assertThat(page.save()).isNull();
    assertThat(segments.segments).isEmpty();
    assertThat(messages.errors)
        .containsExactly("Segment not saved: see the problems listed beside the form.");
  }

  @Test
  void theApiLimitsOfConditionsHoldInTheBuilderToo() {
    SegmentBuilderPage page = page(FakeRoleUser.editor(), null);
    GroupNode group = page.getTree().addGroup(page.getTree().root().getId()).orElseThrow();
    LeafNode leaf = (LeafNode) group.getChildren().get(0);
    leaf.setKind(LeafKind.EVENT);
    leaf.getEvent().setName("login");
    leaf.getEvent().getWindow().setKind(io.herald.webadmin.segments.builder.WindowModel.Kind.LAST);
    leaf.getEvent().getWindow().setAmount("40000");

    page.changed();

    assertThat(page.problemsOf(leaf.getId())).hasSize(1);
    assertThat(page.getProblems().get(0).message())
        .startsWith("Condition 1.1, event.within")
        .contains("36525");
    assertThat(dataSegments.previewed).hasSize(1);
    page.setName("Too long");
    assertThat(page.save()).isNull();
    assertThat(segments.segments).isEmpty();
  }

  @Test
  void saveCreatesTheSegmentAndOpensIt() {
    SegmentBuilderPage page = page(FakeRoleUser.admin(), null);
    LeafNode leaf = page.getTree().addCondition(page.getTree().root().getId()).orElseThrow();
    leaf.getAttribute().setAttribute("plan");
    leaf.getAttribute().getMatch().setValue("pro");
    page.setName("Pro plan");
    page.setDescription("Paying");

    String outcome = page.save();

    SegmentView saved = segments.segments.values().iterator().next();
    assertThat(saved.type()).isEqualTo(SegmentType.DATA);
    assertThat(saved.description()).isEqualTo("Paying");
    assertThat(dataSegments.conditions.get(saved.id()))
        .isEqualTo(ConditionDocument.of(new All(List.of(plan("pro")))));
    assertThat(outcome).isEqualTo("/segment?faces-redirect=true&id=" + saved.id());
    assertThat(messages.keptForRedirect).isTrue();
  }

  @Test
  void aRefusedNameIsListedBesideTheForm() {
    SegmentBuilderPage page = page(FakeRoleUser.admin(), null);
    page.setName("");

    assertThat(page.save()).isNull();
    assertThat(page.getSegmentProblems()).containsExactly("segment.name is required");
  }

  @Test
  void unparsableConditionsAreNotSaved() {
    SegmentBuilderPage page = page(FakeRoleUser.admin(), null);
    page.getTree().addCondition(page.getTree().root().getId());
    page.setName("Half done");

    assertThat(page.save()).isNull();
    assertThat(segments.segments).isEmpty();
    assertThat(messages.errors)
        .containsExactly("Segment not saved: fix the conditions marked in red.");
  }

  @Test
  void editingLoadsTheSegmentsConditionsAndSavesThemBack() {
    SegmentView other = segments.add("Other", SegmentType.MANUAL);
    SegmentView data =
        dataSegments.create(
            OneWorkspace.ID,
            "Pro plan",
            "Paying",
            ConditionDocument.of(new Any(List.of(plan("pro"), plan("team")))));

    SegmentBuilderPage page = page(FakeRoleUser.editor(), data.id());

    assertThat(page.isEditing()).isTrue();
    assertThat(page.getName()).isEqualTo("Pro plan");
    assertThat(page.getTree().root().getKind()).isEqualTo(GroupNode.Kind.ANY);
    assertThat(page.getChoices().segments())
        .as("a segment cannot be built on itself")
        .containsExactly(
            new BuilderChoices.Choice(Long.toString(other.id()), "Other (" + other.id() + ")"));
    page.remove(page.getTree().root().getChildren().get(1).getId());
    page.setName("Pro only");

    assertThat(page.save()).isEqualTo("/segment?faces-redirect=true&id=" + data.id());
    assertThat(segments.segments.get(data.id()).name()).isEqualTo("Pro only");
    assertThat(dataSegments.conditions.get(data.id()))
        .isEqualTo(ConditionDocument.of(new Any(List.of(plan("pro")))));
  }

  @Test
  void aManualSegmentCannotBeOpenedInTheBuilder() {
    SegmentView manual = segments.add("VIPs", SegmentType.MANUAL);

    SegmentBuilderPage page = page(FakeRoleUser.editor(), manual.id());

    assertThat(page.isReady()).isFalse();
    assertThat(messages.errors)
        .containsExactly("There is no data segment " + manual.id() + " to edit.");
  }

  @Test
  void aViewerCannotBuildOrSave() {
    SegmentBuilderPage page = page(FakeRoleUser.viewer(), null);
    page.setName("Sneaky");

    assertThat(page.isReady()).isFalse();
    assertThat(page.save()).isNull();
    page.changed();
    assertThat(dataSegments.previewed).isEmpty();
    assertThat(segments.segments).isEmpty();
    assertThat(messages.errors)
        .containsExactly(
            "Only admins and editors may build segments.",
            "Only admins and editors may save segments.");
  }
}
