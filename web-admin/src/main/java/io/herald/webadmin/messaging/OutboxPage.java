package io.herald.webadmin.messaging;

import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.OutboxEmail;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The dev outbox ({@code outbox.xhtml?id=&before=}), a local mail catcher: the emails sent through
 * the workspace's {@code dev-outbox} channel settings, newest first, {@value #PER_PAGE} a page
 * ({@code before} is the last delivery id of the newer page); with {@code id}, that email's HTML in
 * a sandboxed, script-less iframe under a Content Security Policy ({@link SandboxedHtml}) and its
 * text part, from the content the delivery log stored. Every console role may read it.
 */
@Named
@RequestScoped
public class OutboxPage {

  /** Emails per page. */
  public static final int PER_PAGE = 25;

  @Inject MessageService messaging;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String id;
  private String before;
  private List<DeliveryView> emails = List.of();
  private boolean older;
  private OutboxEmail opened;

  /** Lists the page and opens {@code id} (the view's {@code f:viewAction}). */
  public void load() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see the dev outbox.");
      return;
    }
    Optional<WorkspaceId> ws = workspaces.defaultWorkspace().map(WorkspaceView::id);
    if (ws.isEmpty()) {
      return;
    }
    try {
      List<DeliveryView> page = messaging.outbox(ws.get(), blankToNull(before), PER_PAGE + 1);
      older = page.size() > PER_PAGE;
      emails = page.stream().limit(PER_PAGE).toList();
    } catch (NotFoundException e) {
      messages.error("Emails not listed: " + e.getMessage() + ".");
    }
    if (id != null && !id.isBlank()) {
      opened = messaging.outboxEmail(ws.get(), id).orElse(null);
      if (opened == null) {
        messages.error("There is no email " + id + " in the dev outbox.");
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The emails of this page, newest first. */
  public List<DeliveryView> getEmails() {
    return emails;
  }

  /** Whether older emails follow this page. */
  public boolean isOlder() {
    return older;
  }

  /** The {@code before} of the older page: the last email shown. */
  public String getOlderBefore() {
    return emails.isEmpty() ? null : emails.get(emails.size() - 1).deliveryId();
  }

  /** The opened email, or null. */
  public OutboxEmail getOpened() {
    return opened;
  }

  /** The opened email's HTML as the iframe's document, with its Content Security Policy. */
  public String getOpenedDocument() {
    return opened == null ? "" : SandboxedHtml.of(opened.html());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }
}
