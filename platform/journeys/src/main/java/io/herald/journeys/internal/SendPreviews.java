package io.herald.journeys.internal;

import io.herald.messaging.api.ChannelPreview;
import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.TemplateError;
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
import java.util.Map;

/**
 * What a journey's send step would send a person, rendered by messaging's Liquid with the person's
 * attributes ({@code customer}) and the run's trigger data ({@code trigger}), as the real send
 * renders it: for simulations. Nothing is queued, and consent is not checked.
 */
@ApplicationScoped
class SendPreviews {

  @Inject MessageService messages;

  @Inject Transactionals transactionals;

  /**
   * The rendered subject (push and in-app: the title) and text body of the step's message.
   *
   * @throws Effects.StepFailure when the message or the person does not exist, or a template does
   *     not render (its field, line and message)
   */
  Effects.Rendered render(
      WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data) {
    PersonRef person = new PersonRef(IdType.CIO_ID, cioId);
    Map<String, Object> vars = JsonJava.toMap(data);
    try {
      if (channel.equals("email")) {
        EmailPreview p = messages.previewEmail(ws, email(settings, person, vars));
        failOn(p.error());
        return new Effects.Rendered(p.subject(), p.text());
      }
      String messageId = text(settings, "message_id");
      if (messageId == null) {
        // Inline content (a Slack message): shown as written.
        String inline = text(settings, "text");
        return new Effects.Rendered(null, inline);
      }
      long id =
          transactionals
              .find(ws, messageId)
              .map(TransactionalView::id)
              .orElseThrow(
                  () ->
                      new Effects.StepFailure("transactional message " + messageId + " not found"));
      ChannelPreview p = messages.previewChannel(ws, id, person, vars);
      failOn(p.error());
      return new Effects.Rendered(p.subject(), p.body());
    } catch (InvalidMessageException e) {
      throw new Effects.StepFailure(String.join("; ", e.problems()));
    } catch (NotFoundException e) {
      throw new Effects.StepFailure(e.getMessage());
    }
  }

  private static EmailSend email(JsonObject settings, PersonRef person, Map<String, Object> vars) {
    return new EmailSend(
        text(settings, "message_id"),
        person,
        text(settings, "to"),
        vars,
        text(settings, "from"),
        text(settings, "reply_to"),
        text(settings, "subject"),
        null,
        text(settings, "body"),
        text(settings, "body_plain"),
        null,
        null,
        null,
        false,
        Boolean.FALSE,
        false,
        true,
        null,
        null,
        false);
  }

  private static void failOn(TemplateError error) {
    if (error != null) {
      throw new Effects.StepFailure("would not render: " + error.describe());
    }
  }

  private static String text(JsonObject settings, String key) {
    JsonValue v = settings.get(key);
    if (v instanceof JsonString s) {
      return s.getString();
    }
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v.toString();
  }
}
