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
 * The suppression lists ({@code settings/suppressions.xhtml}), one per channel ({@link
 * Suppressions#CHANNELS}: email addresses, SMS and WhatsApp numbers, push device tokens; {@code
 * ?channel=} opens one): addresses that bounced permanently, complained or were added by hand,
 * newest first, a page at a time. Admins and editors add and remove addresses of the shown channel
 * (checked here as well as hidden in the view); viewers read.
 */
@Named
@ViewScoped
public class SuppressionsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows per page. */
  static final int PAGE = 50;

  private static final String DEFAULT_CHANNEL = "email";

  @Inject Suppressions suppressions;
  @Inject WorkspaceService workspaces;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String channel = DEFAULT_CHANNEL;
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
          suppressions.add(ws.get(), channel, address == null ? "" : address);
      String shown = added.suppression().address();
      if (added.created()) {
        messages.info(shown + " is suppressed: it gets no more " + channelText() + ".");
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
    if (suppressions.remove(ws.get(), channel, suppressed)) {
      messages.info(suppressed + " gets " + channelText() + " again.");
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
        List<SuppressionView> page = suppressions.list(ws.get(), channel, before, PAGE + 1);
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

  /** The channels that have a suppression list, in the order the page offers them. */
  public List<String> getChannels() {
    return Suppressions.CHANNELS;
  }

  /** A channel's name as the page shows it. */
  public String channelLabel(String name) {
    return switch (name) {
      case "sms" -> "SMS";
      case "whatsapp" -> "WhatsApp";
      case "push" -> "Push";
      default -> "Email";
    };
  }

  /** What the shown channel's addresses are, for the form's label. */
  public String getAddressLabel() {
    return switch (channel) {
      case "sms", "whatsapp" -> "Phone number (E.164)";
      case "push" -> "Device token";
      default -> "Email address";
    };
  }

  /** An example address of the shown channel. */
  public String getAddressExample() {
    return switch (channel) {
      case "sms", "whatsapp" -> "e.g. +15555550100";
      case "push" -> "e.g. the device's FCM or APNs token";
      default -> "e.g. someone@example.com";
    };
  }

  /** What the shown channel's messages are called in the page's notices. */
  private String channelText() {
    return switch (channel) {
      case "sms" -> "SMS";
      case "whatsapp" -> "WhatsApp messages";
      case "push" -> "push notifications";
      default -> "email";
    };
  }

  /** The shown channel. */
  public String getChannel() {
    return channel;
  }

  /**
   * Shows another channel's list from its newest page ({@code ?channel=}, which the view's tabs
   * link to); an unknown channel shows email, none keeps the shown one.
   */
  public void setChannel(String channel) {
    if (channel == null || channel.isEmpty()) {
      return;
    }
    String next =
        channel != null && Suppressions.CHANNELS.contains(channel) ? channel : DEFAULT_CHANNEL;
    if (!next.equals(this.channel)) {
      this.channel = next;
      addressProblem = null;
      newest();
    }
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
