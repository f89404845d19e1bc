package io.herald.messaging.internal;

import io.herald.messaging.api.ChannelSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.people.api.DeviceView;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds a channel send's recipients for {@link ChannelSendPreparer}: the phone number of an SMS or
 * WhatsApp send, the person's push devices the send names, or the person for in-app.
 */
@ApplicationScoped
public class ChannelRecipients {

  /** E.164: a plus, then 2 to 15 digits, the first not zero. */
  static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  @Inject PeopleService people;

  /** A recipient address, with the push device's platform (null for other channels). */
  record Recipient(String address, String platform) {}

  /**
   * The send's recipients: SMS and WhatsApp one E.164 number ({@code to}, else the person's {@code
   * phone} attribute), push the person's devices named by {@code to} ({@code last_used} by default:
   * the custom device when the send added one, else the most recent; {@code all}; or a token),
   * in-app the person.
   *
   * @throws InvalidMessageException for a bad number or a token that is not the person's
   */
  List<Recipient> of(WorkspaceId workspace, String channel, ChannelSend send, PersonView person) {
    switch (channel) {
      case "sms", "whatsapp" -> {
        String number;
        String what;
        if (send.to() != null) {
          number = send.to().trim();
          what = "to";
        } else {
          number = phone(person);
          if (number == null) {
            throw new InvalidMessageException(
                List.of(
                    "to is required: the person " + person.cioId() + " has no phone attribute"));
          }
          what = "the person's phone attribute";
        }
        if (!E164.matcher(number).matches()) {
          throw new InvalidMessageException(
              List.of(
                  what
                      + " must be an E.164 phone number (+ and the country code, 2 to 15 digits,"
                      + " no spaces), not "
                      + number));
        }
        return List.of(new Recipient(number, null));
      }
      case "push" -> {
        List<DeviceView> devices =
            people.devices(workspace, new PersonRef(IdType.CIO_ID, person.cioId()));
        String to = send.to() == null ? "last_used" : send.to();
        if (to.equals("all")) {
          return devices.stream()
              .map(d -> new Recipient(d.token(), d.platform().wireName()))
              .toList();
        }
        if (to.equals("last_used")) {
          if (send.customDevice() != null && send.to() == null) {
            String token = customToken(send);
            return devices.stream()
                .filter(d -> d.token().equals(token))
                .map(d -> new Recipient(d.token(), d.platform().wireName()))
                .toList();
          }
          return devices.stream()
              .limit(1)
              .map(d -> new Recipient(d.token(), d.platform().wireName()))
              .toList();
        }
        for (DeviceView d : devices) {
          if (d.token().equals(to)) {
            return List.of(new Recipient(d.token(), d.platform().wireName()));
          }
        }
        throw new InvalidMessageException(
            List.of(
                "to must be all, last_used or a device token of the person "
                    + person.cioId()
                    + "; "
                    + to
                    + " is not one of theirs"));
      }
      case "in_app" -> {
        return List.of(new Recipient(person.id() != null ? person.id() : person.cioId(), null));
      }
      default -> throw new IllegalArgumentException(channel);
    }
  }

  private static String customToken(ChannelSend send) {
    var token = send.customDevice().get("token");
    if (token == null) {
      token = send.customDevice().get("id");
    }
    return token instanceof jakarta.json.JsonString s ? s.getString() : "";
  }

  /** The person's {@code phone} attribute as text, null when absent or blank. */
  static String phone(PersonView person) {
    var value = person.attributes() == null ? null : person.attributes().get("phone");
    if (value instanceof jakarta.json.JsonString s && !s.getString().isBlank()) {
      return s.getString().trim();
    }
    if (value instanceof jakarta.json.JsonNumber n) {
      return "+" + n.bigIntegerValue();
    }
    return null;
  }
}
