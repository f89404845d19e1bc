package io.herald.webadmin.journeys;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyMetrics;
import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.JourneyView;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
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
 * Journeys ({@code journeys.xhtml}): every journey of the default workspace with its state,
 * version, trigger and counts, and an import form that creates a journey from a JSON document
 * (journeys as code: what a journey's page exports). Importing needs {@code admin} or {@code
 * editor}; viewers read.
 */
@Named
@ViewScoped
public class JourneysPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject JourneyService journeys;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String document;
  private List<String> problems = List.of();
  private transient List<Row> list;

  /**
   * One journey of the list.
   *
   * @param journey the journey
   * @param metrics its counts
   */
  public record Row(JourneyView journey, JourneyMetrics metrics) {
    /** What starts it. */
    public String trigger() {
      return JourneyDocuments.trigger(journey);
    }
  }

  /** Every journey, oldest first, with its counts. */
  public List<Row> getList() {
    if (list == null) {
      Optional<WorkspaceId> ws = workspace();
      list =
          !user.mayRead() || ws.isEmpty()
              ? List.of()
              : journeys.list(ws.get()).stream()
                  .map(j -> new Row(j, journeys.metrics(ws.get(), j.id())))
                  .toList();
    }
    return list;
  }

  /** Creates a journey (a draft) from the pasted document and opens it. */
  public String importDocument() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may import journeys.");
      return null;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      messages.error("Herald has not been bootstrapped yet: there is no workspace.");
      return null;
    }
    problems = List.of();
    try {
      JourneyView created = journeys.create(ws.get(), JourneyDocuments.parse(document));
      messages.info("Journey “" + created.name() + "” imported as a draft.");
      messages.keepForRedirect();
      return "/journey?faces-redirect=true&id=" + created.id();
    } catch (InvalidJourneyException e) {
      problems = e.problems();
    } catch (IllegalArgumentException e) {
      problems = List.of(e.getMessage());
    }
    messages.error("Journey not imported: " + String.join("; ", problems) + ".");
    return null;
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  public String getDocument() {
    return document;
  }

  public void setDocument(String document) {
    this.document = document;
  }

  /** Why the last import was refused, one line per problem (with its JSON path). */
  public List<String> getProblems() {
    return problems;
  }
}
