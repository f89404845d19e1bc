package io.herald.webadmin.journeys;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.JourneyView;
import io.herald.journeys.api.Node;
import io.herald.journeys.api.Simulation;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.Jsons;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trying out the journey on {@code journey.xhtml} ({@link JourneyPage}'s journey): a test send of
 * one send step to a person (marked {@code [TEST]}; admins and editors), and a simulation of a
 * person's path on a virtual clock with hypothetical events, shown as a table (any console role: it
 * changes nothing). A person is named as the Track API's paths do: {@code cio_…}, an email address,
 * or an id.
 */
@Named
@ViewScoped
public class JourneyTesting implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject JourneyPage page;
  @Inject JourneyService journeys;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String sendNode;
  private String sendPerson;
  private String sendData;
  private String simPerson;
  private String simData;
  private String simEvents;
  private String simHorizon = "P90D";
  private Integer simVersion;
  private transient Simulation simulation;

  /** The current version's send steps (ids). */
  public List<String> getSendNodes() {
    JourneyView j = page.getJourney();
    if (j == null) {
      return List.of();
    }
    return j.definition().nodes().values().stream()
        .filter(n -> n.type().sends())
        .map(Node::id)
        .toList();
  }

  /** Sends the chosen step's message to the chosen person now, as a test. */
  public void testSend() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may send test messages.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty() || page.getJourney() == null) {
      return;
    }
    try {
      PersonRef person = person(sendPerson);
      JsonObject data = object(sendData, "Sample data");
      String delivery = journeys.testSend(ws.get(), page.getId(), sendNode, person, data);
      messages.info("Test message of step " + sendNode + " sent: delivery " + delivery + ".");
    } catch (IllegalArgumentException | InvalidJourneyException | JourneyNotFoundException e) {
      messages.error("Test message not sent: " + e.getMessage() + ".");
    }
  }

  /** Simulates the chosen person's path; the table shows it. */
  public void simulate() {
    simulation = null;
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to simulate journeys.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty() || page.getJourney() == null) {
      return;
    }
    try {
      PersonRef person = person(simPerson);
      JsonObject data = object(simData, "Trigger data");
      List<Simulation.Event> events = events(simEvents);
      Duration horizon = duration(simHorizon, "Horizon");
      if (horizon.isZero()
          || horizon.isNegative()
          || horizon.compareTo(Simulation.MAX_HORIZON) > 0) {
        throw new IllegalArgumentException("Horizon must be more than 0 and at most P366D");
      }
      simulation =
          journeys.simulate(ws.get(), page.getId(), person, simVersion, data, events, horizon);
      if (simulation.reason() != null) {
        messages.info("Simulated: the person would not enter (" + simulation.reason() + ").");
      } else {
        messages.info(
            "Simulated: " + simulation.steps().size() + " steps, ending " + simulation.end() + ".");
      }
    } catch (IllegalArgumentException | InvalidJourneyException | JourneyNotFoundException e) {
      messages.error("Not simulated: " + e.getMessage() + ".");
    }
  }

  /** How long after the simulation's start a step happened (ISO-8601, {@code PT24H}). */
  public String offset(Simulation.Step step) {
    return simulation == null ? "" : Duration.between(simulation.start(), step.at()).toString();
  }

  private static PersonRef person(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Person is required (an id, an email or cio_…)");
    }
    return PersonRef.fromTrackPath(text.strip());
  }

  private static JsonObject object(String text, String field) {
    if (text == null || text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonValue v = json(text, field);
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException(field + " must be a JSON object");
    }
    return v.asJsonObject();
  }

  /** {@code [{"name":…, "data":{…}, "at_offset":"PT5H"}, …]}. */
  static List<Simulation.Event> events(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    JsonValue v = json(text, "Events");
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new IllegalArgumentException("Events must be a JSON array");
    }
    List<Simulation.Event> events = new ArrayList<>();
    int i = 0;
    for (JsonValue e : v.asJsonArray()) {
      String at = "Event " + (++i);
      if (!(e instanceof JsonObject o) || !(o.get("name") instanceof JsonString name)) {
        throw new IllegalArgumentException(at + " needs a name");
      }
      if (!(o.get("at_offset") instanceof JsonString offset)) {
        throw new IllegalArgumentException(at + " needs an at_offset such as \"PT5H\"");
      }
      JsonValue data = o.getOrDefault("data", JsonValue.EMPTY_JSON_OBJECT);
      if (data.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException(at + ": data must be a JSON object");
      }
      Duration d = duration(offset.getString(), at + " at_offset");
      if (d.isNegative()) {
        throw new IllegalArgumentException(at + " at_offset must not be negative");
      }
      events.add(new Simulation.Event(name.getString(), data.asJsonObject(), d));
    }
    return events;
  }

  private static Duration duration(String text, String field) {
    try {
      return Duration.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be an ISO-8601 duration such as PT5H or P3D");
    }
  }

  private static JsonValue json(String text, String field) {
    try {
      return Jsons.createReader(new StringReader(text)).readValue();
    } catch (JsonException e) {
      throw new IllegalArgumentException(field + " is not JSON: " + e.getMessage());
    }
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  public Simulation getSimulation() {
    return simulation;
  }

  public String getSendNode() {
    return sendNode;
  }

  public void setSendNode(String sendNode) {
    this.sendNode = sendNode;
  }

  public String getSendPerson() {
    return sendPerson;
  }

  public void setSendPerson(String sendPerson) {
    this.sendPerson = sendPerson;
  }

  public String getSendData() {
    return sendData;
  }

  public void setSendData(String sendData) {
    this.sendData = sendData;
  }

  public String getSimPerson() {
    return simPerson;
  }

  public void setSimPerson(String simPerson) {
    this.simPerson = simPerson;
  }

  public String getSimData() {
    return simData;
  }

  public void setSimData(String simData) {
    this.simData = simData;
  }

  public String getSimEvents() {
    return simEvents;
  }

  public void setSimEvents(String simEvents) {
    this.simEvents = simEvents;
  }

  public String getSimHorizon() {
    return simHorizon;
  }

  public void setSimHorizon(String simHorizon) {
    this.simHorizon = simHorizon;
  }

  public Integer getSimVersion() {
    return simVersion;
  }

  public void setSimVersion(Integer simVersion) {
    this.simVersion = simVersion;
  }
}
