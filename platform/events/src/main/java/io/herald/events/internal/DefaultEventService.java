package io.herald.events.internal;

import io.herald.events.api.EventLimits;
import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.InvalidEventException;
import io.herald.events.api.NewEvent;
import io.herald.events.api.RecordedEvent;
import io.herald.people.api.AnonymousIdLinked;
import io.herald.people.api.PeopleMerged;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.shared.ingest.GroupCommit;
import io.herald.shared.persistence.DataSources;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Validates events and hands them to the group-commit writer; reads them back. */
@ApplicationScoped
public class DefaultEventService implements EventService {

  private static final Logger LOG = Logger.getLogger(DefaultEventService.class.getName());

  @Resource(lookup = DataSources.INGEST)
  DataSource ingest;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource reads;

  @Inject Clock clock;

  /** How many group commits may run at once on this node. */
  @Inject
  @ConfigProperty(name = "herald.ingest.writers", defaultValue = "2")
  int writers;

  /** The most rows one group commit takes. */
  @Inject
  @ConfigProperty(name = "herald.ingest.max-rows-per-commit", defaultValue = "2000")
  int maxRowsPerCommit;

  @Inject PeopleService people;

  private GroupCommit<EventRow, Boolean> groupCommit;

  @PostConstruct
  void start() {
    PersonResolver resolver =
        (workspace, type, values) -> {
          Map<String, String> cioIds = new HashMap<>();
          people
              .lookup(new WorkspaceId(workspace), type, values)
              .forEach((value, person) -> cioIds.put(value, person.cioId()));
          return cioIds;
        };
    groupCommit = new GroupCommit<>(writers, maxRowsPerCommit, new EventWriter(ingest, resolver));
  }

  @Override
  public void record(WorkspaceId workspace, List<NewEvent> events) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      String prefix = events.size() == 1 ? "" : "events[" + i + "].";
      EventLimits.problems(events.get(i)).forEach(p -> problems.add(prefix + p));
    }
    if (!problems.isEmpty()) {
      throw new InvalidEventException(problems);
    }
    Instant now = clock.instant();
    List<EventRow> rows = new ArrayList<>(events.size());
    for (NewEvent event : events) {
      rows.add(new EventRow(workspace.value(), event, now));
    }
    groupCommit.submit(rows);
  }

  @Override
  public boolean recordForPerson(
      WorkspaceId workspace, PersonRef person, Function<EventSubject.Person, NewEvent> event) {
    // A person subject is not checked by the limits: any cio_id stands in for the one found.
    List<String> problems = EventLimits.problems(event.apply(new EventSubject.Person("?")));
    if (!problems.isEmpty()) {
      throw new InvalidEventException(problems);
    }
    EventRow row = new EventRow(workspace.value(), null, clock.instant(), person, event);
    return groupCommit.submit(List.of(row)).get(0);
  }

  @Override
  public List<RecordedEvent> ofPerson(WorkspaceId workspace, String cioId, int start, int limit) {
    try {
      return new EventReader(reads).ofPerson(workspace.value(), cioId, start, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("events unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public int attachAnonymous(WorkspaceId workspace, String anonymousId, String cioId) {
    return update(
        "UPDATE events_event SET person_cio_id = ? WHERE workspace_id = ? AND anonymous_id = ?"
            + " AND person_cio_id IS NULL",
        cioId,
        workspace.value(),
        anonymousId);
  }

  /** A visitor was identified: their anonymous events become the person's. */
  void onAnonymousIdLinked(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) AnonymousIdLinked linked) {
    attachAnonymous(linked.workspace(), linked.anonymousId(), linked.cioId());
  }

  /** A merged person's events belong to the person that remains. */
  void onMerge(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeopleMerged merged) {
    int moved =
        update(
            "UPDATE events_event SET person_cio_id = ? WHERE workspace_id = ? AND person_cio_id = ?",
            merged.primaryCioId(),
            merged.workspace().value(),
            merged.secondaryCioId());
    LOG.fine(() -> "merge moved " + moved + " event(s) to " + merged.primaryCioId());
  }

  private int update(String sql, String value, long workspaceId, String key) {
    try (Connection c = reads.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      update.setString(1, value);
      update.setLong(2, workspaceId);
      update.setString(3, key);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("events not updated: " + e.getMessage(), e);
    }
  }
}
