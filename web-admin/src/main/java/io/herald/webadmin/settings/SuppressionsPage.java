package io.herald.webadmin.settings;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.Suppressions;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The email suppression list ({@code settings/suppressions.xhtml}): addresses that bounced
 * permanently, complained or were added by hand, newest first, a page at a time. Admins and editors
 * add and remove addresses (checked here as well as hidden in the view); viewers read.
 */
@Named
@ViewScoped
public class SuppressionsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per page. */
  static final int PAGE = 50;

  private static final String CHANNEL = "email";

  @Inject Suppressions suppressions;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String address;
  private String addressProblem;
  private Long before;
  private transient List<SuppressionView> rows;
  private boolean more;

  @PostConstruct
  void init() {
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to see suppressions.");
    }
  }

  /** Suppresses the form's address. */
  public void add() {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may change suppressions.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      return;
    }
    addressProblem = null;
    try {
      Suppressions.Added added =
          suppressions.add(ws.get(), CHANNEL, address == null ? "" : address);
      String shown = added.suppression().address();
      if (added.created()) {
        messages.info(shown + " is suppressed: it gets no more email.");
      } else {
        messages.info(shown + " was already suppressed (" + added.suppression().reason() + ").");
      }
      address = null;
      newest();
    } catch (InvalidMessageException e) {
      addressProblem = String.join("; ", e.problems());
      messages.error("Not suppressed: " + addressProblem + ".");
    }
  }

  /** Lifts the suppression of {@code suppressed}. */
  public void remove(String suppressed) {
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may change suppressions.");
      return;
    }
    Optional<WorkspaceId> ws = workspace();
    if (ws.isEmpty()) {
      return;
    }
    rows = null;
    if (suppressions.remove(ws.get(), CHANNEL, suppressed)) {
      messages.info(suppressed + " gets email again.");
    } else {
      messages.error(suppressed + " is not suppressed.");
    }
  }

  /** The next (older) page. */
  public void older() {
    List<SuppressionView> shown = getRows();
    if (more && !shown.isEmpty()) {
      before = shown.get(shown.size() - 1).id();
      rows = null;
    }
  }

  /** Back to the newest page. */
  public void newest() {
    before = null;
    rows = null;
  }

  /** The shown page, newest first. */
  public List<SuppressionView> getRows() {
    if (rows == null) {
      Optional<WorkspaceId> ws = workspace();
      if (!user.mayRead() || ws.isEmpty()) {
        rows = List.of();
        more = false;
      } else {
        List<SuppressionView> page = suppressions.list(ws.get(), CHANNEL, before, PAGE + 1);
        more = page.size() > PAGE;
        rows = more ? page.subList(0, PAGE) : page;
      }
    }
    return rows;
  }

  /** Whether an older page exists. */
  public boolean isMore() {
    getRows();
    return more;
  }

  /** Whether an older page is shown. */
  public boolean isPaged() {
    return before != null;
  }

  /** A readable reason: hard bounce, spam complaint or added by hand. */
  public String reasonText(String reason) {
    return switch (reason) {
      case SuppressionView.HARD_BOUNCE -> "hard bounce";
      case SuppressionView.COMPLAINT -> "spam complaint";
      default -> "added by hand";
    };
  }

  private Optional<WorkspaceId> workspace() {
    return workspaces.defaultWorkspace().map(WorkspaceView::id);
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  /** Why the last add refused the address, or null. */
  public String getAddressProblem() {
    return addressProblem;
  }
}
