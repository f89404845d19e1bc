package io.herald.webadmin.segments;

import io.herald.objects.api.ObjectService;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.ZoneChoice;
import io.herald.webadmin.segments.builder.EngagementLeaf;
import io.herald.webadmin.segments.builder.GroupNode;
import io.herald.webadmin.segments.builder.LeafKind;
import io.herald.webadmin.segments.builder.WindowModel;
import io.herald.workspace.api.WorkspaceId;
import java.io.Serializable;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the builder's selects offer, with the words the operator reads: the fixed choices of the
 * condition model, and the workspace's segments (for segment leaves, without the one being edited)
 * and object types (for relationship leaves), read when the builder opens.
 *
 * @param segments the workspace's other segments, by id
 * @param objectTypes the workspace's object types, by id
 */
public record BuilderChoices(List<Choice> segments, List<Choice> objectTypes)
    implements Serializable {

  /** No workspace choices (the builder was not opened). */
  public static final BuilderChoices NONE = new BuilderChoices(List.of(), List.of());

  /**
   * One option of a select.
   *
   * @param value what is submitted (an enum constant or text)
   * @param label what is shown
   */
  public record Choice(Serializable value, String label) implements Serializable {}

  /** Copies the lists. */
  public BuilderChoices {
    segments = List.copyOf(segments);
    objectTypes = List.copyOf(objectTypes);
  }

  /** The choices of the workspace, leaving out segment {@code editing} (may be {@code null}). */
  static BuilderChoices of(
      SegmentService segments, ObjectService objects, WorkspaceId workspace, Long editing) {
    return new BuilderChoices(
        segments.list(workspace).stream()
            .filter(s -> !Objects.equals(s.id(), editing))
            .map(s -> new Choice(Long.toString(s.id()), s.name() + " (" + s.id() + ")"))
            .toList(),
        objects.types(workspace).stream()
            .map(t -> new Choice(t.id(), t.name() + " (" + t.id() + ")"))
            .toList());
  }

  /** The kinds of condition. */
  public List<Choice> getLeafKinds() {
    return Arrays.stream(LeafKind.values()).map(k -> new Choice(k, k.getLabel())).toList();
  }

  /** ALL and ANY. */
  public List<Choice> getGroupKinds() {
    return List.of(
        new Choice(GroupNode.Kind.ALL, "ALL of (and)"),
        new Choice(GroupNode.Kind.ANY, "ANY of (or)"));
  }

  /** Every operator, in the model's order. */
  public List<Choice> getOperators() {
    return Arrays.stream(Operator.values()).map(o -> new Choice(o, operatorLabel(o))).toList();
  }

  /** The words for an operator. */
  public static String operatorLabel(Operator operator) {
    return switch (operator) {
      case EQUALS -> "equals";
      case NOT_EQUALS -> "does not equal";
      case EXISTS -> "exists";
      case NOT_EXISTS -> "does not exist";
      case CONTAINS -> "contains";
      case STARTS_WITH -> "starts with";
      case ENDS_WITH -> "ends with";
      case GREATER_THAN -> "is greater than";
      case LESS_THAN -> "is less than";
      case BEFORE -> "is before";
      case AFTER -> "is after";
      case WITHIN_LAST_DAYS -> "is within the last N days";
      case WITHIN_NEXT_DAYS -> "is within the next N days";
      case IN_LIST -> "is one of";
      case REGEX -> "matches the regex";
    };
  }

  /** The workspace's or the person's time zone. */
  public List<Choice> getZones() {
    return List.of(
        new Choice(ZoneChoice.WORKSPACE, "in the workspace's time zone"),
        new Choice(ZoneChoice.PERSON, "in the person's time zone"));
  }

  /** At least, at most, exactly. */
  public List<Choice> getComparisons() {
    return List.of(
        new Choice(Count.Comparison.AT_LEAST, "at least"),
        new Choice(Count.Comparison.AT_MOST, "at most"),
        new Choice(Count.Comparison.EXACTLY, "exactly"));
  }

  /** Ever, in the last N units, between two instants. */
  public List<Choice> getWindowKinds() {
    return List.of(
        new Choice(WindowModel.Kind.EVER, "ever"),
        new Choice(WindowModel.Kind.LAST, "in the last"),
        new Choice(WindowModel.Kind.BETWEEN, "between"));
  }

  /** Minutes, hours, days. */
  public List<Choice> getUnits() {
    return List.of(
        new Choice(ChronoUnit.MINUTES, "minutes"),
        new Choice(ChronoUnit.HOURS, "hours"),
        new Choice(ChronoUnit.DAYS, "days"));
  }

  /** The message metrics. */
  public List<Choice> getMetrics() {
    return Arrays.stream(EngagementCondition.Metric.values())
        .map(m -> new Choice(m, m.wireName()))
        .toList();
  }

  /** Any message, one message, one campaign. */
  public List<Choice> getTargets() {
    return List.of(
        new Choice(EngagementLeaf.Target.ANY, "any message"),
        new Choice(EngagementLeaf.Target.MESSAGE, "the message"),
        new Choice(EngagementLeaf.Target.CAMPAIGN, "a message of the campaign"));
  }

  /** Any platform, iOS, Android. */
  public List<Choice> getPlatforms() {
    return List.of(
        new Choice("", "any platform"), new Choice("ios", "iOS"), new Choice("android", "Android"));
  }

  /** Push enabled, disabled or either. */
  public List<Choice> getPushStates() {
    return List.of(
        new Choice("", "push on or off"),
        new Choice("true", "push enabled"),
        new Choice("false", "push disabled"));
  }
}
