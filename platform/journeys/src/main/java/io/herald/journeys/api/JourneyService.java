package io.herald.journeys.api;

import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.util.List;

/** Journeys: definitions, their lifecycle, runs and API triggers. */
public interface JourneyService {

  /**
   * Creates a draft journey from a document (also how an exported file is imported).
   *
   * @throws InvalidJourneyException naming each problem's JSON path
   */
  JourneyView create(WorkspaceId workspace, JsonObject document);

  /**
   * Replaces a journey's definition. A draft's single version is overwritten; an active or paused
   * journey gets a new version (new runs enter it, running ones stay on theirs).
   *
   * @throws InvalidJourneyException for a bad document or an archived journey
   * @throws JourneyNotFoundException for an unknown id
   */
  JourneyView update(WorkspaceId workspace, long id, JsonObject document);

  /** A journey; throws {@link JourneyNotFoundException} for an unknown id. */
  JourneyView find(WorkspaceId workspace, long id);

  /** The workspace's journeys, oldest first. */
  List<JourneyView> list(WorkspaceId workspace);

  /**
   * Moves a journey to {@code target}: draft → active, active → paused (runs hold), paused → active
   * (runs continue), any but archived → archived (every run exits).
   *
   * @throws InvalidJourneyException for a move the lifecycle does not allow
   * @throws JourneyNotFoundException for an unknown id
   */
  JourneyView changeState(WorkspaceId workspace, long id, JourneyState target);

  /**
   * A journey's runs, newest first.
   *
   * @param state active, completed, exited or null for all
   * @param before a run id to page after (older than it), 0 for the newest
   * @param limit 1 to 1000
   */
  List<RunView> runs(WorkspaceId workspace, long id, String state, long before, int limit);

  /** A run with its step log; throws {@link JourneyNotFoundException} when not in the journey. */
  RunView run(WorkspaceId workspace, long journeyId, long runId);

  /** A person's runs of every journey, newest first, each with its step log. */
  List<RunView> runsOf(WorkspaceId workspace, String cioId, int limit);

  /** A journey's counts. */
  JourneyMetrics metrics(WorkspaceId workspace, long id);

  /**
   * Starts runs of an active API-triggered journey for the people {@code trigger} names.
   *
   * @return the trigger's id
   * @throws InvalidJourneyException when the journey is not API-triggered or not active
   * @throws JourneyNotFoundException for an unknown id
   */
  long trigger(WorkspaceId workspace, long id, ApiTrigger trigger);

  /**
   * Sends the message of a send step of a journey (draft or not, its current version) to a person
   * now, as a test: the email subject (SMS and WhatsApp body, push and in-app title) starts with
   * {@code [TEST] }, no run is recorded and nothing keys it (each call is a new delivery).
   *
   * @param data the sample trigger data ({@code {{trigger.*}}})
   * @return the delivery id
   * @throws JourneyNotFoundException for an unknown journey, node or person
   * @throws InvalidJourneyException when the node is not a send step or the message is refused
   */
  String testSend(
      WorkspaceId workspace,
      long id,
      String nodeId,
      io.herald.people.api.PersonRef person,
      JsonObject data);

  /**
   * The path the person would take through a version of the journey, on a virtual clock from now to
   * {@code horizon}, with hypothetical events: nothing is sent, written or recorded.
   *
   * @param version null for the current version
   * @param data the trigger data of the simulated run
   * @throws JourneyNotFoundException for an unknown journey, version or person
   */
  default Simulation simulate(
      WorkspaceId workspace,
      long id,
      io.herald.people.api.PersonRef person,
      Integer version,
      JsonObject data,
      List<Simulation.Event> events,
      java.time.Duration horizon) {
    return simulate(workspace, id, person, version, data, events, java.util.Map.of(), horizon);
  }

  /**
   * Like {@link #simulate(WorkspaceId, long, io.herald.people.api.PersonRef, Integer, JsonObject,
   * List, java.time.Duration)}, with the answers of {@code send_webhook} steps' calls by node id (a
   * node not named answers 200 with no body).
   */
  Simulation simulate(
      WorkspaceId workspace,
      long id,
      io.herald.people.api.PersonRef person,
      Integer version,
      JsonObject data,
      List<Simulation.Event> events,
      java.util.Map<String, Simulation.WebhookAnswer> webhooks,
      java.time.Duration horizon);

  /**
   * Moves the active runs of an active or paused journey's older versions to its current version: a
   * run at a node the version has stays there (its timers kept; a node whose type changed is
   * entered afresh), a run at a node it lacks exits ({@code version_removed_node}).
   *
   * @throws InvalidJourneyException for a draft or archived journey
   * @throws JourneyNotFoundException for an unknown id
   */
  RunMove moveRuns(WorkspaceId workspace, long id);

  /**
   * A new secret token for a webhook-triggered journey's inbound URL ({@code POST
   * /v1/webhooks/journeys/{token}}); the previous token stops working. Only its hash is kept: this
   * is the one time it is shown.
   *
   * @throws InvalidJourneyException when the journey is not webhook-triggered
   * @throws JourneyNotFoundException for an unknown id
   */
  String rotateWebhookToken(WorkspaceId workspace, long id);

  /**
   * An inbound webhook call: starts a run of the token's journey for the person the body's
   * identifier names, with the body as trigger data.
   *
   * @throws WebhookRefusedException for an unknown token, an inactive journey, a body without the
   *     identifier or an unknown person
   */
  WebhookReceipt receiveWebhook(String token, JsonObject body);
}
