package io.herald.webadmin.journeys;

import io.herald.journeys.api.BroadcastNotFoundException;
import io.herald.journeys.api.BroadcastRequest;
import io.herald.journeys.api.BroadcastService;
import io.herald.journeys.api.BroadcastView;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.SegmentView;
import io.herald.shared.json.Jsons;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The broadcast part of a journey's page ({@code journey.xhtml}, API-triggered journeys): a form
 * (audience segment, now / at a time in the workspace's zone / at a local time in each person's
 * zone, data, people a minute) and the journey's broadcasts with their progress, each cancellable
 * while scheduled or sending. Scheduling and cancelling need {@code admin} or {@code editor}.
 */
@Named
@ViewScoped
public class JourneyBroadcasts implements Serializable {

  private static final long serialVersionUID = 1L;

  /** When: now. */
  static final String NOW = "now";

  /** When: at a date and time in the workspace's zone. */
  static final String AT = "at";

  /** When: at a local date and time in each person's zone. */
  static final String LOCAL = "local";

  @Inject BroadcastService broadcasts;
  @Inject SegmentService segments;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private Long segmentId;
  private String when = NOW;
  private String time;
  private Integer perMinute;
  private String data = "{}";

  /** Schedules a broadcast of the journey from the form; reopens the journey when it worked. */
  public String schedule(long journeyId) {
    Optional<WorkspaceId> ws = editable();
    if (ws.isEmpty()) {
      return null;
    }
    if (segmentId == null) {
      messages.error("Broadcast not scheduled: choose the audience segment.");
      return null;
    }
    try {
      BroadcastRequest request =
          new BroadcastRequest(segmentId, dataObject(), sendAt(ws.get()), localTime(), perMinute);
      BroadcastView b = broadcasts.schedule(ws.get(), journeyId, request);
      messages.info("Broadcast " + b.id() + " is " + b.state() + ".");
      messages.keepForRedirect();
      return "/journey?faces-redirect=true&id=" + journeyId;
    } catch (InvalidJourneyException | IllegalArgumentException e) {
      messages.error("Broadcast not scheduled: " + e.getMessage() + ".");
      return null;
    } catch (JourneyNotFoundException e) {
      messages.error(e.getMessage() + ".");
      return null;
    }
  }

  /** Cancels one of the journey's broadcasts. */
  public String cancel(long journeyId, long broadcastId) {
    Optional<WorkspaceId> ws = editable();
    if (ws.isEmpty()) {
      return null;
    }
    try {
      broadcasts.cancel(ws.get(), journeyId, broadcastId);
      messages.info("Broadcast " + broadcastId + " is cancelled: nobody else enters.");
      messages.keepForRedirect();
      return "/journey?faces-redirect=true&id=" + journeyId;
    } catch (InvalidJourneyException | BroadcastNotFoundException | JourneyNotFoundException e) {
      messages.error("Broadcast not cancelled: " + e.getMessage() + ".");
      return null;
    }
  }

  /** The journey's broadcasts, newest first, with their progress. */
  public List<BroadcastView> list(long journeyId) {
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty() || !user.mayRead()) {
      return List.of();
    }
    try {
      return broadcasts.list(ws.get(), journeyId);
    } catch (JourneyNotFoundException e) {
      return List.of();
    }
  }

  /** The segments a broadcast may go to. */
  public List<SegmentView> getSegments() {
    return workspace().map(ws -> segments.list(ws)).orElse(List.of());
  }

  /** Whether a broadcast in this state can still be cancelled. */
  public boolean cancellable(BroadcastView b) {
    return b.state().equals("scheduled") || b.state().equals("sending");
  }

  private JsonObject dataObject() {
    String text = data == null || data.isBlank() ? "{}" : data;
    JsonValue value;
    try (var reader = Jsons.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("data is not JSON");
    }
    if (!(value instanceof JsonObject o)) {
      throw new IllegalArgumentException("data must be a JSON object");
    }
    return o;
  }

  private Instant sendAt(WorkspaceId ws) {
    if (!AT.equals(when)) {
      return null;
    }
    return dateTime().atZone(workspaces.timeZone(ws)).toInstant();
  }

  private LocalDateTime localTime() {
    return LOCAL.equals(when) ? dateTime() : null;
  }

  private LocalDateTime dateTime() {
    try {
      return LocalDateTime.parse(time == null ? "" : time.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the time must look like 2026-12-24T09:00");
    }
  }

  private Optional<WorkspaceId> editable() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may broadcast.");
      return Optional.empty();
    }
    return workspace();
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  public Long getSegmentId() {
    return segmentId;
  }

  public void setSegmentId(Long segmentId) {
    this.segmentId = segmentId;
  }

  public String getWhen() {
    return when;
  }

  public void setWhen(String when) {
    this.when = when;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public Integer getPerMinute() {
    return perMinute;
  }

  public void setPerMinute(Integer perMinute) {
    this.perMinute = perMinute;
  }

  public String getData() {
    return data;
  }

  public void setData(String data) {
    this.data = data;
  }
}
