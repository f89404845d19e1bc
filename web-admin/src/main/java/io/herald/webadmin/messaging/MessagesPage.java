package io.herald.webadmin.messaging;

import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.LayoutView;
import io.herald.messaging.api.Layouts;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.TransactionalView;
import io.herald.messaging.api.Transactionals;
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
 * Transactional messages ({@code messages.xhtml?id=&before=}): every message of the default
 * workspace, and a form that creates one (no {@code id}) or edits the one {@code id} names, with
 * the messaging module's problems placed on their fields. With an {@code id}, it also lists the
 * message's sends newest first, {@value #SENDS_PER_PAGE} a page ({@code before} is the last
 * delivery id of the newer page). Saving needs {@code admin} or {@code editor}, checked here as
 * well as disabled in the view. The preview and test send are {@link MessagePreviewPanel}.
 *
 * <p>View-scoped, so the form keeps what was typed across a refused save; it holds the id, the
 * cursor, the form and its problems. What it lists is transient and read again when missing.
 */
@Named
@ViewScoped
public class MessagesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Sends per page. */
  public static final int SENDS_PER_PAGE = 25;

  @Inject Transactionals transactionals;
  @Inject Layouts layouts;
  @Inject MessageService messaging;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private Long id;
  private String before;
  private boolean found;
  private MessageForm form = new MessageForm();
  private FieldProblems problems = FieldProblems.NONE;
  private transient List<TransactionalView> list;
  private transient List<LayoutView> layoutChoices;
  private transient List<DeliveryView> sends;
  private transient boolean olderSends;

  /** The outcome that opens message {@code id} after an action (a redirect). */
  static String outcome(long id) {
    return "/messages?faces-redirect=true&id=" + id;
  }

  /** Reads the message {@code id} names into the form (the view's {@code f:viewAction}). */
  public void load() {
    found = false;
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see messages.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (id == null || ws.isEmpty()) {
      return;
    }
    Optional<TransactionalView> message = transactionals.find(ws.get(), Long.toString(id));
    if (message.isEmpty()) {
      messages.error("There is no transactional message " + id + ".");
      id = null;
      return;
    }
    found = true;
    form = MessageForm.of(message.get().content());
  }

  /** Creates the message (and opens it) or saves the changes; keeps the form when refused. */
  public String save() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may change messages.");
      return null;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      messages.error("Herald has not been bootstrapped yet: there is no workspace.");
      return null;
    }
    problems = FieldProblems.NONE;
    try {
      if (found) {
        TransactionalView saved = transactionals.update(ws.get(), id, form.toInput());
        form = MessageForm.of(saved.content());
        list = null;
        messages.info("Message “" + saved.content().name() + "” saved.");
        return null;
      }
      TransactionalView created = transactionals.create(ws.get(), form.toInput());
      messages.info("Message “" + created.content().name() + "” created.");
      messages.keepForRedirect();
      return outcome(created.id());
    } catch (InvalidMessageException e) {
      problems = FieldProblems.of(e.problems(), MessageForm.FIELDS);
      messages.error("Message not saved: " + String.join("; ", e.problems()) + ".");
      return null;
    } catch (NotFoundException e) {
      messages.error("Message not saved: " + e.getMessage() + ".");
      return null;
    }
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  /** Every message of the workspace, by id. */
  public List<TransactionalView> getList() {
    if (list == null) {
      list = user.mayRead() ? workspace().map(transactionals::list).orElse(List.of()) : List.of();
    }
    return list;
  }

  /** The workspace's layouts, for the form's layout picker. */
  public List<LayoutView> getLayouts() {
    if (layoutChoices == null) {
      layoutChoices = user.mayRead() ? workspace().map(layouts::list).orElse(List.of()) : List.of();
    }
    return layoutChoices;
  }

  /** The newest sends of the message (older than {@code before}), empty without a message. */
  public List<DeliveryView> getSends() {
    if (sends == null) {
      sends = List.of();
      Optional<WorkspaceId> ws = workspace();
      if (found && ws.isPresent() && user.mayRead()) {
        try {
          List<DeliveryView> page =
              messaging.deliveriesOfMessage(ws.get(), id, before, SENDS_PER_PAGE + 1);
          olderSends = page.size() > SENDS_PER_PAGE;
          sends = page.stream().limit(SENDS_PER_PAGE).toList();
        } catch (NotFoundException e) {
          messages.error("Sends not listed: " + e.getMessage() + ".");
        }
      }
    }
    return sends;
  }

  /** Forgets the sends, so the next read lists them again (after a test send). */
  void refreshSends() {
    sends = null;
  }

  /** Whether older sends follow this page. */
  public boolean isOlderSends() {
    getSends();
    return olderSends;
  }

  /** The {@code before} of the older page: the last delivery shown. */
  public String getOlderBefore() {
    List<DeliveryView> shown = getSends();
    return shown.isEmpty() ? null : shown.get(shown.size() - 1).deliveryId();
  }

  /** Whether the form edits a saved message (else it creates one). */
  public boolean isEditing() {
    return found;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }

  /** The channels a new message may be for. */
  public List<String> getChannels() {
    return MessageForm.CHANNELS;
  }

  public MessageForm getForm() {
    return form;
  }

  /** The problems of the last refused save. */
  public FieldProblems getProblems() {
    return problems;
  }
}
