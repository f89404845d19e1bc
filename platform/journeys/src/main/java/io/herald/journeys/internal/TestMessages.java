package io.herald.journeys.internal;

import io.herald.messaging.api.ChannelFields;
import io.herald.messaging.api.ChannelPreview;
import io.herald.messaging.api.ChannelSend;
import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.TransactionalView;
import io.herald.messaging.api.Transactionals;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.JsonJava;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test sends of a journey's send steps through messaging: unkeyed (each is a new delivery), not
 * tracked, sent even to people who unsubscribed (someone chose them), and marked: {@link #MARK}
 * starts the email subject (a transactional message's rendered subject), the SMS or WhatsApp body,
 * the push or in-app title, or a Slack message's inline text. A WhatsApp template message (and
 * Slack Block Kit blocks without text) cannot carry the mark and go unmarked.
 */
@ApplicationScoped
class TestMessages {

  /** What starts a test message's subject (or body, or title). */
  static final String MARK = "[TEST] ";

  @Inject MessageService messages;

  @Inject Transactionals transactionals;

  String send(WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data) {
    PersonRef person = new PersonRef(IdType.CIO_ID, cioId);
    Map<String, Object> vars = JsonJava.toMap(data);
    try {
      return channel.equals("email")
          ? email(ws, person, settings, vars)
          : channel(ws, person, channel, settings, vars);
    } catch (InvalidMessageException e) {
      throw new Effects.StepFailure(String.join("; ", e.problems()));
    } catch (NotFoundException e) {
      throw new Effects.StepFailure(e.getMessage());
    }
  }

  private String email(
      WorkspaceId ws, PersonRef person, JsonObject settings, Map<String, Object> vars) {
    String messageId = messageId(settings);
    String subject = text(settings, "subject");
    if (subject == null && messageId != null) {
      EmailPreview preview = messages.previewEmail(ws, transactional(ws, messageId), person, vars);
      if (preview.error() != null) {
        throw new Effects.StepFailure("message " + messageId + ": " + preview.error());
      }
      subject = preview.subject();
    }
    EmailSend send =
        new EmailSend(
            messageId,
            person,
            text(settings, "to"),
            vars,
            text(settings, "from"),
            text(settings, "reply_to"),
            MARK + (subject == null ? "" : subject),
            null,
            text(settings, "body"),
            text(settings, "body_plain"),
            null,
            null,
            null,
            false,
            Boolean.TRUE,
            false,
            false,
            null,
            null,
            false);
    return messages.sendEmail(ws, send).deliveryId();
  }

  private String channel(
      WorkspaceId ws,
      PersonRef person,
      String channel,
      JsonObject settings,
      Map<String, Object> vars) {
    String messageId = messageId(settings);
    Map<String, Object> content = inline(channel, settings);
    boolean titled = channel.equals("push") || channel.equals("in_app");
    if (messageId != null) {
      ChannelPreview preview =
          messages.previewChannel(ws, transactional(ws, messageId), person, vars);
      if (preview.error() != null) {
        throw new Effects.StepFailure("message " + messageId + ": " + preview.error());
      }
      if (titled) {
        content.put("title", MARK + (preview.subject() == null ? "" : preview.subject()).strip());
      } else if (preview.body() != null && !preview.body().isEmpty()) {
        content.put("body", MARK + preview.body());
      }
    } else {
      // Inline content (a Slack message): its text, or a push / in-app title, is marked.
      String field = titled ? "title" : channel.equals("slack") ? "text" : "body";
      if (content.get(field) instanceof String text) {
        content.put(field, MARK + text);
      } else if (titled) {
        content.put(field, MARK.strip());
      }
    }
    ChannelSend send =
        new ChannelSend(
            channel,
            messageId,
            person,
            text(settings, "to"),
            vars,
            content,
            null,
            null,
            null,
            false,
            Boolean.TRUE,
            false);
    return messages.send(ws, send).deliveryId();
  }

  /** The channel's message fields present in a step's settings ({@link ChannelFields}). */
  private static Map<String, Object> inline(String channel, JsonObject settings) {
    Map<String, Object> content = new LinkedHashMap<>();
    for (ChannelFields.Field field : ChannelFields.of(channel)) {
      JsonValue v = settings.get(field.name());
      if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
        content.put(field.name(), JsonJava.toJava(v));
      }
    }
    return content;
  }

  private long transactional(WorkspaceId ws, String messageId) {
    return transactionals
        .find(ws, messageId)
        .map(TransactionalView::id)
        .orElseThrow(
            () -> new Effects.StepFailure("transactional message " + messageId + " not found"));
  }

  private static String messageId(JsonObject settings) {
    JsonValue id = settings.get("message_id");
    return id == null ? null : id instanceof JsonString s ? s.getString() : id.toString();
  }

  private static String text(JsonObject settings, String key) {
    return settings.get(key) instanceof JsonString s ? s.getString() : null;
  }
}
