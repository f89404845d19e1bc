package io.herald.ingest.internal;

import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Form submissions ({@code POST /api/v1/forms/{form_id}/submit}): the fields identify (create or
 * update) the person named by {@code id} or {@code email}, a {@code form_submit} event records the
 * submission, and an unknown form is registered on first use ({@code ingest_form}).
 */
@ApplicationScoped
public class Forms {

  /** Keys that describe the form rather than the person. */
  static final Set<String> RESERVED =
      Set.of("form_id", "form_name", "form_type", "form_url", "form_url_param");

  /** The name of the event a submission records. */
  public static final String EVENT = "form_submit";

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject PeopleService people;

  @Inject EventService events;

  @Inject Clock clock;

  /**
   * Applies a submission.
   *
   * @return the problems (each naming its field) that stopped it; nothing was written then
   */
  public List<String> submit(WorkspaceId workspace, String formId, JsonObject body) {
    List<String> problems = new ArrayList<>();
    if (formId.isBlank() || formId.getBytes(StandardCharsets.UTF_8).length > 150) {
      problems.add("form_id: must be 1 to 150 bytes");
    }
    JsonObject data = Fields.object(body, "data", problems);
    if (!body.containsKey("data") && problems.isEmpty()) {
      problems.add("data: required (the form's fields)");
    }
    String id = Fields.string(data, "id", problems);
    String email = Fields.string(data, "email", problems);
    if (problems.isEmpty() && id == null && email == null) {
      problems.add("data: needs an email or id field to identify the person");
    }
    String formName = Fields.string(data, "form_name", problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    JsonObjectBuilder attributes = Jsons.createObjectBuilder();
    JsonObjectBuilder fields = Jsons.createObjectBuilder().add("form_id", formId);
    for (Map.Entry<String, JsonValue> field : data.entrySet()) {
      fields.add(field.getKey(), field.getValue());
      if (!RESERVED.contains(field.getKey())) {
        attributes.add(field.getKey(), field.getValue());
      }
    }
    PersonRef ref = id != null ? new PersonRef(IdType.ID, id) : new PersonRef(IdType.EMAIL, email);
    if (!ref.wellFormed()) {
      return List.of("data." + (id != null ? "id" : "email") + ": must be 1 to 150 bytes");
    }
    IdentifyResult result;
    try {
      result = people.identify(workspace, ref, attributes.build());
    } catch (InvalidPersonDataException e) {
      return e.problems().stream().map(p -> "data: " + p).toList();
    }
    Instant now = clock.instant();
    if (result.cioId() != null
        && (result.outcome() == IdentifyResult.Outcome.CREATED
            || result.outcome() == IdentifyResult.Outcome.UPDATED)) {
      events.record(
          workspace,
          List.of(
              new NewEvent(
                  new EventSubject.Person(result.cioId()),
                  EVENT,
                  EventType.EVENT,
                  null,
                  now,
                  fields.build(),
                  null,
                  "forms")));
    }
    register(workspace, formId, formName, now);
    return List.of();
  }

  private void register(WorkspaceId workspace, String formId, String name, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO ingest_form (workspace_id, form_id, name, submissions,"
                    + " first_submitted, last_submitted) VALUES (?, ?, ?, 1, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE submissions = submissions + 1,"
                    + " last_submitted = VALUES(last_submitted),"
                    + " name = COALESCE(VALUES(name), name)")) {
      upsert.setLong(1, workspace.value());
      upsert.setString(2, formId);
      upsert.setString(3, name);
      DateTimes.bind(upsert, 4, now);
      DateTimes.bind(upsert, 5, now);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("form not registered: " + e.getMessage(), e);
    }
  }
}
