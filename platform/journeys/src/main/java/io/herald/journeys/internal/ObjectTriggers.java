package io.herald.journeys.internal;

import io.herald.journeys.api.DataFilter;
import io.herald.journeys.api.TriggerDetails;
import io.herald.shared.feed.FeedCursor;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Object and relationship triggers, from the objects module's change journal ({@code
 * objects_change}, its durable outbox, read from journeys' own position like the segment journal):
 * an object of the trigger's type created, updated, or linked to / unlinked from another object
 * ({@code child_related}, {@code parent_related}, … ; its attributes passing the filters) enters
 * every person related to it; a deleted one enters the people who were related to it (the journal
 * names each); a person related to (or unrelated from) such an object enters that person. Changes
 * from before the journey was first activated start nothing. The trigger data is {@code
 * {"object":{attributes…, "object_type_id", "object_id", "cio_object_id"}, "related_object":{… the
 * other object of a link}, "change":kind}}.
 */
final class ObjectTriggers {

  static final String CONSUMER = "journeys.object-changes";

  private static final FeedCursor CURSOR =
      new FeedCursor("objects_change", "journeys_feed_cursor", "object change journal");

  /** One {@code objects_change} row. */
  record ObjectChange(
      long id,
      long workspaceId,
      String typeId,
      String objectId,
      String cioObjectId,
      String kind,
      String cioId,
      JsonObject attributes,
      Instant at,
      JsonObject other) {

    /** Whether it is a person's relationship, which a {@code relationship} trigger follows. */
    boolean personLink() {
      return kind.equals("related") || kind.equals("unrelated");
    }
  }

  private final DataSource dataSource;
  private final Clock clock;
  private final JourneyStore journeys;
  private final Entries entries;
  private final Effects effects;
  private final int settleSeconds;

  ObjectTriggers(
      DataSource dataSource,
      Clock clock,
      JourneyStore journeys,
      Entries entries,
      Effects effects,
      int settleSeconds) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.journeys = journeys;
    this.entries = entries;
    this.effects = effects;
    this.settleSeconds = settleSeconds;
  }

  /** Starts journeys' position at the journal's current end unless it has one (see workers). */
  long startAtEnd() {
    return CURSOR.startAtEnd(dataSource, CONSUMER);
  }

  /** Handles up to {@code max} journal entries (at least once); returns how many. */
  int step(int max) {
    FeedCursor.Slice<ObjectChange> slice =
        CURSOR.read(
            dataSource,
            CONSUMER,
            "SELECT id, workspace_id, object_type_id, object_id, cio_object_id, kind, cio_id,"
                + " attributes, changed_at, other_type_id, other_object_id, other_cio_object_id",
            settleSeconds,
            max,
            rs ->
                new ObjectChange(
                    rs.getLong(1),
                    rs.getLong(2),
                    Integer.toString(rs.getInt(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    RunStore.json(rs.getString(8)),
                    Sql.instant(rs, 9),
                    other(rs)));
    if (slice.entries().isEmpty()) {
      return 0;
    }
    onChanges(slice.entries());
    CURSOR.acknowledge(dataSource, CONSUMER, slice.position());
    return slice.entries().size();
  }

  void onChanges(List<ObjectChange> changes) {
    for (ObjectChange m : changes) {
      boolean relationship = m.personLink();
      List<StoredJourney> candidates =
          Transactions.autoCommit(
              dataSource,
              "journeys object change",
              c -> journeys.active(c, m.workspaceId(), relationship ? "relationship" : "object"));
      for (StoredJourney j : candidates) {
        TriggerDetails.ObjectTrigger t = TriggerDetails.object(j.definition());
        if (!t.objectTypeId().equals(m.typeId())
            || !t.on().contains(m.kind())
            || m.at().isBefore(j.firstStartedAt())
            || !DataFilter.all(t.where(), m.attributes())) {
          continue;
        }
        List<String> people = people(m);
        JsonObject data = data(m);
        String cause = "object " + m.kind() + " " + m.typeId() + "/" + m.objectId();
        for (String cioId : people) {
          Transactions.inTransaction(
              dataSource,
              "journeys object change",
              c -> entries.enter(c, j, cioId, data, cause, clock.instant()));
        }
      }
    }
  }

  /**
   * Who enters: the person of a relationship change or of a deletion's row (the object and its
   * relationships are gone; the journal names each related person), else everyone related now.
   */
  private List<String> people(ObjectChange m) {
    if (m.personLink() || m.kind().equals("deleted")) {
      return m.cioId() == null ? List.of() : List.of(m.cioId());
    }
    return effects.relatedPeople(new WorkspaceId(m.workspaceId()), m.cioObjectId());
  }

  private static JsonObject other(java.sql.ResultSet rs) throws java.sql.SQLException {
    String objectId = rs.getString(11);
    if (objectId == null) {
      return null;
    }
    return Jsons.createObjectBuilder()
        .add("object_type_id", Integer.toString(rs.getInt(10)))
        .add("object_id", objectId)
        .add("cio_object_id", rs.getString(12))
        .build();
  }

  private static JsonObject data(ObjectChange m) {
    JsonObjectBuilder object = Jsons.createObjectBuilder(m.attributes());
    object
        .add("object_type_id", m.typeId())
        .add("object_id", m.objectId())
        .add("cio_object_id", m.cioObjectId());
    JsonObjectBuilder data = Jsons.createObjectBuilder().add("object", object);
    if (m.other() != null) {
      data.add("related_object", m.other());
    }
    return data.add("change", m.kind()).build();
  }
}
