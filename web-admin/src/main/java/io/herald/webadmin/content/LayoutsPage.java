package io.herald.webadmin.content;

import io.herald.messaging.api.ContentInUseException;
import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.LayoutInput;
import io.herald.messaging.api.LayoutView;
import io.herald.messaging.api.Layouts;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.people.api.PersonRef;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.messaging.FieldProblems;
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
import java.util.Set;

/**
 * Email layouts ({@code layouts.xhtml?id=}): every layout of the default workspace, and a form that
 * creates one (no {@code id}) or edits it, with a live preview of the HTML being typed around a
 * sample body (the workspace's snippets rendered; a person's attributes when one is named).
 * Deleting a layout a message uses is refused with the messages' names. Changes need {@code admin}
 * or {@code editor}; viewers read.
 */
@Named
@ViewScoped
public class LayoutsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Set<String> FIELDS = Set.of("name", "html");

  /** What a new layout starts with. */
  static final String STARTER =
      "<!DOCTYPE html>\n<html>\n<body style=\"font-family: sans-serif\">\n{{ content }}\n</body>\n"
          + "</html>";

  @Inject Layouts layouts;
  @Inject MessageService messaging;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private Long id;
  private boolean found;
  private String formName;
  private String formHtml = STARTER;
  private String person;
  private FieldProblems problems = FieldProblems.NONE;
  private EmailPreview preview;
  private transient List<LayoutView> list;

  /** Reads the layout {@code id} names into the form, and previews it. */
  public void load() {
    found = false;
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see layouts.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (id == null || ws.isEmpty()) {
      return;
    }
    Optional<LayoutView> layout = layouts.find(ws.get(), id);
    if (layout.isEmpty()) {
      messages.error("There is no layout " + id + ".");
      id = null;
      return;
    }
    found = true;
    formName = layout.get().content().name();
    formHtml = layout.get().content().html();
    preview();
  }

  /** Renders the HTML in the form (saved or not) around a sample body. */
  public void preview() {
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty() || !user.mayRead()) {
      return;
    }
    PersonRef ref = null;
    if (person != null && !person.isBlank()) {
      ref = PersonRef.fromTrackPath(person.strip());
      if (!ref.wellFormed()) {
        messages.error("Name a person by id, email or cio_id of at most 150 bytes.");
        return;
      }
    }
    try {
      preview = messaging.previewLayout(ws.get(), formHtml == null ? "" : formHtml, ref);
    } catch (NotFoundException e) {
      preview = null;
      messages.error("Not previewed: " + e.getMessage() + ".");
    }
  }

  /** Creates the layout (and opens it) or saves the changes; keeps the form when refused. */
  public String save() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may change layouts.");
      return null;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      messages.error("Herald has not been bootstrapped yet: there is no workspace.");
      return null;
    }
    problems = FieldProblems.NONE;
    LayoutInput input = new LayoutInput(formName == null ? "" : formName.strip(), formHtml);
    try {
      if (found) {
        LayoutView saved = layouts.update(ws.get(), id, input);
        list = null;
        messages.info("Layout “" + saved.content().name() + "” saved.");
        preview();
        return null;
      }
      LayoutView created = layouts.create(ws.get(), input);
      messages.info("Layout “" + created.content().name() + "” created.");
      messages.keepForRedirect();
      return "/layouts?faces-redirect=true&id=" + created.id();
    } catch (InvalidMessageException e) {
      problems = FieldProblems.of(e.problems(), FIELDS);
      messages.error("Layout not saved: " + String.join("; ", e.problems()) + ".");
      return null;
    } catch (NotFoundException e) {
      messages.error("Layout not saved: " + e.getMessage() + ".");
      return null;
    }
  }

  /** Deletes a layout no message uses. */
  public String delete(long layout) {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may delete layouts.");
      return null;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      return null;
    }
    try {
      layouts.delete(ws.get(), layout);
      messages.info("Layout " + layout + " deleted.");
      messages.keepForRedirect();
      return "/layouts?faces-redirect=true";
    } catch (ContentInUseException | NotFoundException e) {
      messages.error("Layout not deleted: " + e.getMessage() + ".");
      list = null;
      return null;
    }
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  /** Every layout, by id. */
  public List<LayoutView> getList() {
    if (list == null) {
      list = user.mayRead() ? workspace().map(layouts::list).orElse(List.of()) : List.of();
    }
    return list;
  }

  public boolean isEditing() {
    return found;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getFormName() {
    return formName;
  }

  public void setFormName(String formName) {
    this.formName = formName;
  }

  public String getFormHtml() {
    return formHtml;
  }

  public void setFormHtml(String formHtml) {
    this.formHtml = formHtml;
  }

  public String getPerson() {
    return person;
  }

  public void setPerson(String person) {
    this.person = person;
  }

  public FieldProblems getProblems() {
    return problems;
  }

  /** The last preview, or null before the first. */
  public EmailPreview getPreview() {
    return preview;
  }
}
