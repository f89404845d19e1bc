package io.herald.webadmin.journeys;

import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.JourneyView;
import io.herald.journeys.api.RunView;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's journeys ({@code ?cio=}): every run of theirs, newest first (at most {@value
 * #RUNS_SHOWN}), with the journey's name and the run's step log (what each step did and when).
 */
@Named
@RequestScoped
public class PersonJourneysPage {

  static final int RUNS_SHOWN = 50;

  /** A run with its journey's name. */
  public record RunRow(RunView run, String journey) {}

  @Inject JourneyService journeys;
  @Inject PeopleService people;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String cio;
  private PersonView person;
  private List<RunRow> rows = List.of();

  /** Loads the person's runs (the view's action). */
  public void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see journeys.");
      return;
    }
    Optional<WorkspaceId> ws = workspaces.defaultWorkspace().map(WorkspaceView::id);
    if (cio == null || cio.isBlank() || ws.isEmpty()) {
      messages.error("Name a person: person-journeys.xhtml?cio=<cio_id>.");
      return;
    }
    person = people.find(ws.get(), new PersonRef(IdType.CIO_ID, cio)).orElse(null);
    if (person == null) {
      messages.error("There is no person with cio_id " + cio + ".");
      return;
    }
    Map<Long, String> names = new HashMap<>();
    for (JourneyView j : journeys.list(ws.get())) {
      names.put(j.id(), j.name());
    }
    rows =
        journeys.runsOf(ws.get(), cio, RUNS_SHOWN).stream()
            .map(r -> new RunRow(r, names.getOrDefault(r.journeyId(), "#" + r.journeyId())))
            .toList();
  }

  public String getCio() {
    return cio;
  }

  public void setCio(String cio) {
    this.cio = cio;
  }

  public PersonView getPerson() {
    return person;
  }

  public List<RunRow> getRows() {
    return rows;
  }
}
