package io.herald.webadmin.segments;

import io.herald.objects.api.ObjectService;
import io.herald.people.api.PeopleService;
import io.herald.segments.api.DataSegmentService;
import io.herald.segments.api.InvalidSegmentException;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.webadmin.segments.builder.ConditionTree;
import io.herald.webadmin.segments.builder.FilterModel;
import io.herald.webadmin.segments.builder.Filters;
import io.herald.webadmin.segments.builder.PathLocator;
import io.herald.webadmin.segments.builder.Problems;
import io.herald.webadmin.segments.builder.TreeMapper;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The segment builder ({@code segment-builder.xhtml}, {@code ?id=} to edit a data segment): name,
 * description and a tree of AND/OR groups over every kind of leaf, edited in a {@link
 * ConditionTree}. Every change re-runs the preview ({@link DataSegmentService#preview}) over AJAX;
 * Save creates or updates the segment and opens its page. What is wrong with the conditions is
 * shown on the condition it concerns and in the list beside the form, whether the builder found it
 * (an operand that does not parse) or the service did ({@link InvalidConditionException}, {@link
 * InvalidSegmentException}). View-scoped: the tree lives as long as the page; only {@code admin}
 * and {@code editor} may use it.
 */
@Named
@ViewScoped
public class SegmentBuilderPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DataSegmentService dataSegments;
  @Inject SegmentService segments;
  @Inject PeopleService people;
  @Inject ObjectService objects;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private Long id;
  private Long workspaceId;
  private String name;
  private String description;
  private ConditionTree tree = new ConditionTree();
  private BuilderChoices choices = BuilderChoices.NONE;
  private List<Problems.Problem> problems = List.of();
  private List<String> segmentProblems = List.of();
  private final PreviewPanel preview = new PreviewPanel();

  /** Opens a new tree, or the segment {@code id}'s conditions (the view's action). */
  public void load() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may build segments.");
      return;
    }
    Optional<WorkspaceId> ws = workspaces.defaultWorkspace().map(WorkspaceView::id);
    if (ws.isEmpty()) {
      messages.error("Herald has not been bootstrapped yet: there is no workspace.");
      return;
    }
    if (id != null && !open(ws.get())) {
      return;
    }
    choices = BuilderChoices.of(segments, objects, ws.get(), id);
    workspaceId = ws.get().value();
    changed();
  }

  private boolean open(WorkspaceId ws) {
    Optional<SegmentView> segment = segments.find(ws, id);
    if (segment.isEmpty() || segment.get().type() != SegmentType.DATA) {
      messages.error("There is no data segment " + id + " to edit.");
      return false;
    }
    Optional<ConditionDocument> conditions = dataSegments.conditions(ws, id);
    if (conditions.isEmpty()) {
      messages.error("Segment " + id + " has no conditions to edit.");
      return false;
    }
    name = segment.get().name();
    description = segment.get().description();
    tree = TreeMapper.fromDocument(conditions.get());
    return true;
  }

  /** Whether the builder was opened (the caller may edit and the segment exists). */
  public boolean isReady() {
    return workspaceId != null;
  }

  /** Re-runs the preview after any change (each input's AJAX listener). */
  public void changed() {
    if (!isReady()) {
      return;
    }
    Problems found = new Problems();
    Optional<ConditionDocument> document = TreeMapper.toDocument(tree, found);
    problems = found.all();
    if (document.isEmpty()) {
      preview.unavailable("Fix the conditions marked in red to see who they select.");
      return;
    }
    try {
      preview.show(dataSegments, people, new WorkspaceId(workspaceId), accepted(document.get()));
    } catch (InvalidConditionException e) {
      problems = List.of(PathLocator.locate(tree, e));
      preview.unavailable("The conditions are not valid: see the problems listed.");
    }
  }

  /**
   * The document as the App API would accept it: written and read by the condition JSON codec, so
   * its limits (list sizes, regex length, window lengths, depth) hold for the console too, with the
   * same messages and paths.
   *
   * @throws InvalidConditionException naming the path and the reason
   */
  private static ConditionDocument accepted(ConditionDocument document) {
    return ConditionJson.parse(ConditionJson.toJson(document));
  }

  /** Appends a condition to the group {@code groupId}. */
  public void addCondition(int groupId) {
    tree.addCondition(groupId);
    changed();
  }

  /** Appends a group with one condition to the group {@code groupId}. */
  public void addGroup(int groupId) {
    if (tree.addGroup(groupId).isEmpty()) {
      messages.error(
          "Groups nest at most " + ConditionDocument.MAX_DEPTH + " deep: no group added.");
    }
    changed();
  }

  /** Removes the condition or group {@code nodeId}. */
  public void remove(int nodeId) {
    tree.remove(nodeId);
    changed();
  }

  /** Turns NOT on or off for the condition or group {@code nodeId}. */
  public void toggleNot(int nodeId) {
    tree.toggleNot(nodeId);
    changed();
  }

  /** Adds an empty filter to {@code filters}. */
  public void addFilter(Filters filters) {
    filters.add();
    changed();
  }

  /** Removes {@code filter} from {@code filters}. */
  public void removeFilter(Filters filters, FilterModel filter) {
    filters.remove(filter);
    changed();
  }

  /** Creates or updates the segment and opens its page; stays with the problems otherwise. */
  public String save() {
    if (!user.mayEdit() || !isReady()) {
      messages.error("Only admins and editors may save segments.");
      return null;
    }
    segmentProblems = List.of();
    Problems found = new Problems();
    Optional<ConditionDocument> document = TreeMapper.toDocument(tree, found);
    problems = found.all();
    if (document.isEmpty()) {
      messages.error("Segment not saved: fix the conditions marked in red.");
      return null;
    }
    WorkspaceId ws = new WorkspaceId(workspaceId);
    try {
      ConditionDocument conditions = accepted(document.get());
      Optional<SegmentView> saved =
          id == null
              ? Optional.of(dataSegments.create(ws, name, description, conditions))
              : dataSegments.update(ws, id, name, description, conditions);
      if (saved.isEmpty()) {
        messages.error("Segment not saved: data segment " + id + " no longer exists.");
        return null;
      }
      messages.info("Segment “" + saved.get().name() + "” saved. Its members are being computed.");
      messages.keepForRedirect();
      return SegmentPage.outcome(saved.get().id());
    } catch (InvalidSegmentException e) {
      segmentProblems = e.problems();
    } catch (InvalidConditionException e) {
      problems = List.of(PathLocator.locate(tree, e));
    }
    messages.error("Segment not saved: see the problems listed beside the form.");
    return null;
  }

  /** The problems of one node, for the line that shows it. */
  public List<String> problemsOf(int nodeId) {
    return problems.stream().filter(p -> p.nodeId() == nodeId).map(Problems.Problem::text).toList();
  }

  /** Every problem with the conditions, in tree order. */
  public List<Problems.Problem> getProblems() {
    return problems;
  }

  /** What the service refused about the name or description. */
  public List<String> getSegmentProblems() {
    return segmentProblems;
  }

  public ConditionTree getTree() {
    return tree;
  }

  public BuilderChoices getChoices() {
    return choices;
  }

  public PreviewPanel getPreview() {
    return preview;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** Whether an existing segment is edited (rather than a new one created). */
  public boolean isEditing() {
    return id != null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
