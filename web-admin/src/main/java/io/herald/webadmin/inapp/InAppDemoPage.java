package io.herald.webadmin.inapp;

import io.herald.inapp.api.InAppContent;
import io.herald.inapp.api.InAppInbox;
import io.herald.inapp.api.InAppMessage;
import io.herald.inapp.api.InvalidInAppContentException;
import io.herald.inapp.api.SdkTokens;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The in-app demo ({@code inapp-demo.xhtml?person=}): a form that queues a test in-app message for
 * a person (id, email or {@code cio_…}), and, for that person, the JavaScript SDK embedded in the
 * page with the workspace's site id and a fresh token, so the message appears in this browser and
 * its buttons report opened, clicked and dismissed. Below, the person's latest in-app messages with
 * their states. Admins and editors only (it issues SDK tokens).
 */
@Named
@RequestScoped
public class InAppDemoPage {

  /** Messages listed. */
  static final int LISTED = 10;

  @Inject InAppInbox inbox;
  @Inject SdkTokens tokens;
  @Inject PeopleService people;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String person;
  private String title = "Welcome to Herald";
  private String text = "This message came through the in-app SDK.";
  private String type = InAppContent.MODAL;
  private String buttonLabel = "Take a look";
  private String buttonUrl = "https://example.com/";
  private String transport = "poll";

  private PersonView found;
  private String siteId;
  private String token;
  private List<InAppMessage> recent = List.of();

  /** Finds the person and prepares the SDK for them (the view's {@code f:viewAction}). */
  public void load() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may use the in-app demo.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty() || person == null || person.isBlank()) {
      return;
    }
    found = find(ws.get()).orElse(null);
    if (found == null) {
      messages.error("There is no person " + person.strip() + ".");
      return;
    }
    siteId =
        workspaces.credentials(ws.get()).stream()
            .filter(c -> c.kind() == CredentialKind.TRACK && c.active())
            .map(CredentialView::siteId)
            .findFirst()
            .orElse(null);
    if (siteId == null) {
      messages.error("The SDK needs a site id: create a Track API key under API credentials.");
      return;
    }
    token = tokens.issue(ws.get(), found.cioId()).token();
    recent = inbox.recent(ws.get(), found.cioId(), LISTED);
  }

  /** Queues the test message and opens the page for the person, where the SDK shows it. */
  public String send() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may send test messages.");
      return null;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      return null;
    }
    Optional<PersonView> p = person == null || person.isBlank() ? Optional.empty() : find(ws.get());
    if (p.isEmpty()) {
      messages.error(
          "Message not sent: there is no person " + (person == null ? "" : person) + ".");
      return null;
    }
    InAppContent content;
    try {
      content = InAppContent.of(title, text, payload());
    } catch (InvalidInAppContentException e) {
      messages.error("Message not sent: " + e.getMessage() + ".");
      return null;
    }
    String deliveryId = "demo_" + UUID.randomUUID().toString().replace("-", "");
    inbox.queue(ws.get(), p.get().cioId(), deliveryId, content);
    messages.info("Test message " + deliveryId + " queued for " + person.strip() + ".");
    messages.keepForRedirect();
    return "/inapp-demo?faces-redirect=true&person="
        + URLEncoder.encode(person.strip(), StandardCharsets.UTF_8)
        + "&transport="
        + getTransport();
  }

  private Map<String, Object> payload() {
    List<Map<String, String>> buttons = new ArrayList<>();
    if (buttonLabel != null && !buttonLabel.isBlank()) {
      buttons.add(
          buttonUrl == null || buttonUrl.isBlank()
              ? Map.of("label", buttonLabel, "action", "dismiss")
              : Map.of("label", buttonLabel, "action", "url", "url", buttonUrl.strip()));
    }
    return Map.of("type", type == null ? InAppContent.MODAL : type, "buttons", buttons);
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  private Optional<PersonView> find(WorkspaceId ws) {
    PersonRef ref = PersonRef.fromTrackPath(person.strip());
    return ref.wellFormed() ? people.find(ws, ref) : Optional.empty();
  }

  /** Whether the SDK is embedded for a person. */
  public boolean isEmbedded() {
    return found != null && token != null && siteId != null;
  }

  public PersonView getFound() {
    return found;
  }

  public String getSiteId() {
    return siteId;
  }

  public String getToken() {
    return token;
  }

  public List<InAppMessage> getRecent() {
    return recent;
  }

  public List<String> getTypes() {
    return List.of(InAppContent.MODAL, InAppContent.BANNER);
  }

  /** How the embedded SDK receives messages: {@code poll} (long poll) or {@code sse}. */
  public String getTransport() {
    return "sse".equals(transport) ? "sse" : "poll";
  }

  public void setTransport(String transport) {
    this.transport = transport;
  }

  public List<String> getTransports() {
    return List.of("poll", "sse");
  }

  public String getPerson() {
    return person;
  }

  public void setPerson(String person) {
    this.person = person;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getButtonLabel() {
    return buttonLabel;
  }

  public void setButtonLabel(String buttonLabel) {
    this.buttonLabel = buttonLabel;
  }

  public String getButtonUrl() {
    return buttonUrl;
  }

  public void setButtonUrl(String buttonUrl) {
    this.buttonUrl = buttonUrl;
  }
}
