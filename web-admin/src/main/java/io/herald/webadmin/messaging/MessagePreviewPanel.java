package io.herald.webadmin.messaging;

import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SendReceipt;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * The preview panel of a saved transactional message: renders it for a person (named by id, email
 * or {@code cio_…}, as the Track API names people) with optional {@code message_data} JSON, showing
 * subject, sender, HTML and text, or the template error's field, line and variable. "Send test"
 * sends it to that person through {@link MessageService#sendEmail} and shows the delivery id.
 * Previewing needs a console role; sending needs {@code admin} or {@code editor}.
 */
@Named
@ViewScoped
public class MessagePreviewPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MessageService messaging;
  @Inject PeopleService people;
  @Inject WorkspaceService workspaces;
  @Inject MessagesPage page;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private String person;
  private String messageData;
  private transient EmailPreview preview;
  private transient io.herald.messaging.api.ChannelPreview channelPreview;
  private String deliveryId;

  /** Renders message {@code messageId} for the person. */
  public void preview(Long messageId) {
    preview = null;
    channelPreview = null;
    if (!user.mayRead()) {
      messages.error("Sign in with a console role to preview messages.");
      return;
    }
    Optional<Request> request = request(messageId);
    if (request.isEmpty()) {
      return;
    }
    Request r = request.get();
    try {
      if (page.getForm().isEmail()) {
        preview = messaging.previewEmail(r.workspace(), messageId, r.person(), r.data());
      } else {
        channelPreview = messaging.previewChannel(r.workspace(), messageId, r.person(), r.data());
      }
    } catch (NotFoundException e) {
      messages.error("Not previewed: " + e.getMessage() + ".");
    } catch (InvalidMessageException e) {
      messages.error("Not previewed: " + String.join("; ", e.problems()) + ".");
    }
  }

  /** Sends message {@code messageId} to the person; the delivery id is shown. */
  public void sendTest(Long messageId) {
    deliveryId = null;
    if (!user.mayEdit()) {
      messages.error("Only admins and editors may send test messages.");
      return;
    }
    Optional<Request> request = request(messageId);
    if (request.isEmpty()) {
      return;
    }
    Request r = request.get();
    if (people.find(r.workspace(), r.person()).isEmpty()) {
      // sendEmail would create the person; a test goes to someone who exists.
      messages.error("Not sent: nobody has " + describe(r.person()) + ".");
      return;
    }
    try {
      SendReceipt receipt =
          page.getForm().isEmail()
              ? sendEmail(r, messageId)
              : messaging.send(
                  r.workspace(),
                  new io.herald.messaging.api.ChannelSend(
                      page.getForm().getChannel(),
                      Long.toString(messageId),
                      r.person(),
                      null,
                      r.data(),
                      null,
                      null,
                      null,
                      null,
                      false,
                      null,
                      false));
      deliveryId = receipt.deliveryId();
      messages.info("Test message queued for " + describe(r.person()) + ": delivery " + deliveryId);
      page.refreshSends();
    } catch (InvalidMessageException e) {
      messages.error("Not sent: " + String.join("; ", e.problems()) + ".");
    } catch (NotFoundException e) {
      messages.error("Not sent: " + e.getMessage() + ".");
    }
  }

  private SendReceipt sendEmail(Request r, Long messageId) {
    return messaging.sendEmail(
        r.workspace(),
        new EmailSend(
            Long.toString(messageId),
            r.person(),
            null,
            r.data(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            false,
            true,
            null,
            null,
            false));
  }

  /** The workspace, person and data, or empty after reporting what is missing. */
  private Optional<Request> request(Long messageId) {
    Optional<WorkspaceId> ws = workspaces.defaultWorkspace().map(WorkspaceView::id);
    if (messageId == null || ws.isEmpty()) {
      messages.error("Save the message first.");
      return Optional.empty();
    }
    if (person == null || person.isBlank()) {
      messages.error("Name a person by id, email or cio_id.");
      return Optional.empty();
    }
    PersonRef ref = PersonRef.fromTrackPath(person.trim());
    if (!ref.wellFormed()) {
      messages.error("Name a person by id, email or cio_id of at most 150 bytes.");
      return Optional.empty();
    }
    try {
      return Optional.of(new Request(ws.get(), ref, MessageData.parse(messageData)));
    } catch (IllegalArgumentException e) {
      messages.error(e.getMessage() + ".");
      return Optional.empty();
    }
  }

  private static String describe(PersonRef ref) {
    return switch (ref.type()) {
      case EMAIL -> "email " + ref.value();
      case CIO_ID -> "cio_id " + ref.value();
      default -> "id " + ref.value();
    };
  }

  private record Request(WorkspaceId workspace, PersonRef person, Map<String, Object> data) {}

  /** The last preview of a non-email message, null before the first or when it failed. */
  public io.herald.messaging.api.ChannelPreview getChannelPreview() {
    return channelPreview;
  }

  /** The last channel preview's payload as indented JSON, empty without one. */
  public String getChannelPayload() {
    if (channelPreview == null || channelPreview.payload().isEmpty()) {
      return "";
    }
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(channelPreview.payload());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The last preview, null before the first or when it failed. */
  public EmailPreview getPreview() {
    return preview;
  }

  /** The delivery of the last test send, null before one. */
  public String getDeliveryId() {
    return deliveryId;
  }

  public String getPerson() {
    return person;
  }

  public void setPerson(String person) {
    this.person = person;
  }

  public String getMessageData() {
    return messageData;
  }

  public void setMessageData(String messageData) {
    this.messageData = messageData;
  }
}
