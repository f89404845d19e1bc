package io.herald.webadmin.segments;

import io.herald.segments.api.InvalidSegmentException;
import io.herald.segments.api.MembershipGrowth;
import io.herald.segments.api.MembershipHistory;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.SegmentView;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Segments: every segment of the default workspace, oldest first, with its type, member count and
 * growth (enters minus exits over the last {@link #GROWTH_PERIOD}); creates manual segments, and
 * links to the builder for data segments. Creating needs {@code admin} or {@code editor}, checked
 * here as well as hidden in the view.
 */
@Named
@RequestScoped
public class SegmentsPage {

  /** The period the growth column covers. */
  public static final Duration GROWTH_PERIOD = Duration.ofDays(7);

  /**
   * A segment as the list shows it.
   *
   * @param segment the segment
   * @param members how many people are in it now
   * @param growth its enters and exits over the growth period
   */
  public record SegmentRow(SegmentView segment, long members, MembershipGrowth growth) {}

  @Inject SegmentService segments;
  @Inject MembershipHistory history;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;
  @Inject Clock clock;

  private Optional<WorkspaceId> workspace = Optional.empty();
  private List<SegmentRow> rows = List.of();
  private String name;
  private String description;

  @PostConstruct
  void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see segments.");
      return;
    }
    workspace = workspaces.defaultWorkspace().map(WorkspaceView::id);
    workspace.ifPresent(this::list);
  }

  private void list(WorkspaceId ws) {
    Map<Long, MembershipGrowth> growth =
        history.growthSince(ws, clock.instant().minus(GROWTH_PERIOD));
    rows =
        segments.list(ws).stream()
            .map(
                s ->
                    new SegmentRow(
                        s,
                        segments.count(ws, s.id()).orElse(0),
                        growth.getOrDefault(s.id(), MembershipGrowth.NONE)))
            .toList();
  }

  /** Creates a manual segment and opens it; stays here with the reason when refused. */
  public String createManual() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may create segments.");
      return null;
    }
    if (workspace.isEmpty()) {
      messages.error("Herald has not been bootstrapped yet: there is no workspace.");
      return null;
    }
    try {
      SegmentView created = segments.createManual(workspace.get(), name, description);
      messages.info("Segment “" + created.name() + "” created. Add people below.");
      messages.keepForRedirect();
      return SegmentPage.outcome(created.id());
    } catch (InvalidSegmentException e) {
      messages.error("Segment not created: " + String.join("; ", e.problems()) + ".");
      return null;
    }
  }

  public List<SegmentRow> getRows() {
    return rows;
  }

  /** The growth column's period in days, for its heading. */
  public long getGrowthDays() {
    return GROWTH_PERIOD.toDays();
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
