package io.herald.webadmin.content;

import io.herald.messaging.api.ContentInUseException;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SnippetView;
import io.herald.messaging.api.Snippets;
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
 * Snippets ({@code snippets.xhtml?name=}): every snippet of the default workspace, and a form that
 * creates one or, with {@code name}, edits it (saving under a new name creates another, as
 * Customer.io's create-or-update by name does). Deleting one that messages or layouts use is
 * refused with their names. Changes need {@code admin} or {@code editor}; viewers read.
 */
@Named
@ViewScoped
public class SnippetsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The fields the messaging module's problems name. */
  static final Set<String> FIELDS = Set.of("name", "value");

  @Inject Snippets snippets;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String name;
  private boolean found;
  private String formName;
  private String formValue;
  private FieldProblems problems = FieldProblems.NONE;
  private transient List<SnippetView> list;

  /** Reads the snippet {@code name} names into the form (the view's {@code f:viewAction}). */
  public void load() {
    found = false;
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see snippets.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (name == null || name.isEmpty() || ws.isEmpty()) {
      return;
    }
    Optional<SnippetView> snippet = snippets.find(ws.get(), name);
    if (snippet.isEmpty()) {
      messages.error("There is no snippet “" + name + "”.");
      name = null;
      return;
    }
    found = true;
    formName = snippet.get().name();
    formValue = snippet.get().value();
  }

  /** Creates or updates the snippet the form names; keeps the form when refused. */
  public String save() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may change snippets.");
      return null;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      messages.error("Herald has not been bootstrapped yet: there is no workspace.");
      return null;
    }
    problems = FieldProblems.NONE;
    try {
      SnippetView saved = snippets.put(ws.get(), formName, formValue == null ? "" : formValue);
      messages.info("Snippet “" + saved.name() + "” saved.");
      messages.keepForRedirect();
      return "/snippets?faces-redirect=true&name="
          + java.net.URLEncoder.encode(saved.name(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (InvalidMessageException e) {
      problems = FieldProblems.of(e.problems(), FIELDS);
      messages.error("Snippet not saved: " + String.join("; ", e.problems()) + ".");
      return null;
    }
  }

  /** Deletes a snippet no message or layout uses. */
  public String delete(String snippet) {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may delete snippets.");
      return null;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      return null;
    }
    try {
      snippets.delete(ws.get(), snippet);
      messages.info("Snippet “" + snippet + "” deleted.");
      messages.keepForRedirect();
      return "/snippets?faces-redirect=true";
    } catch (ContentInUseException | NotFoundException e) {
      messages.error("Snippet not deleted: " + e.getMessage() + ".");
      list = null;
      return null;
    }
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  /** Every snippet, by name. */
  public List<SnippetView> getList() {
    if (list == null) {
      list = user.mayRead() ? workspace().map(snippets::list).orElse(List.of()) : List.of();
    }
    return list;
  }

  /** How a template uses a snippet: dot notation, or brackets for names with spaces or hyphens. */
  public static String tag(String snippet) {
    return snippet.matches("[\\p{L}\\p{N}_]+")
        ? "{{ snippets." + snippet + " }}"
        : "{{ snippets[\"" + snippet + "\"] }}";
  }

  /** The Liquid tag of the named snippet, for the view. */
  public String tagOf(String snippet) {
    return tag(snippet);
  }

  public boolean isEditing() {
    return found;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getFormName() {
    return formName;
  }

  public void setFormName(String formName) {
    this.formName = formName;
  }

  public String getFormValue() {
    return formValue;
  }

  public void setFormValue(String formValue) {
    this.formValue = formValue;
  }

  public FieldProblems getProblems() {
    return problems;
  }
}
