package io.herald.messaging.internal;

import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.plugin.api.DeliveryEvent;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a recipient did on the channel itself, reported by a provider's callback (plugin API 1.4.0
 * {@code UNSUBSCRIBED}, {@code RESUBSCRIBED}, {@code REPLIED}: an SMS STOP, START or reply, an
 * inbound WhatsApp message). The sender is matched to people by their {@code phone} attribute (as
 * given, and with or without a leading {@code +}, since WhatsApp reports numbers without it, and in
 * E.164 form, so {@code "+1 (555) 010-0123"} matches {@code +15550100123}) on the channel of the
 * callback's setting. A STOP turns the channel off in the person's {@code
 * cio_subscription_preferences.channels} ({@link ChannelPreferences}; the sending pipeline drops
 * the channel's later messages with {@code unsubscribed from sms}) and records {@code
 * <channel>_unsubscribed}; a START turns it back on ({@code <channel>_resubscribed}); a reply is
 * the event {@code <channel>_received} with the text.
 */
@ApplicationScoped
public class SenderEvents {

  private static final int MAX_TEXT = 10_000;

  @Inject PeopleService people;

  @Inject EventService events;

  /** What became of one event. */
  enum Result {
    APPLIED,
    DUPLICATE,
    UNKNOWN
  }

  Result apply(long workspaceId, String channel, DeliveryEvent e) {
    WorkspaceId workspace = new WorkspaceId(workspaceId);
    List<PersonView> senders = senders(workspace, e.recipient());
    if (senders.isEmpty()) {
      return Result.UNKNOWN;
    }
    boolean changed = false;
    for (PersonView person : senders) {
      switch (e.kind()) {
        case UNSUBSCRIBED, RESUBSCRIBED -> {
          boolean on = e.kind() == DeliveryEvent.Kind.RESUBSCRIBED;
          if (ChannelPreferences.optedOut(person.attributes(), channel) == on) {
            setChannel(workspace, person, channel, on);
            event(workspace, person, channel + (on ? "_resubscribed" : "_unsubscribed"), e, null);
            changed = true;
          }
        }
        case REPLIED -> {
          String dedupe =
              e.providerMessageId().isEmpty()
                  ? null
                  : channel + ":" + e.providerMessageId() + ":received";
          event(workspace, person, channel + "_received", e, dedupe);
          changed = true;
        }
        default -> throw new IllegalArgumentException("not a sender event: " + e.kind());
      }
    }
    return changed ? Result.APPLIED : Result.DUPLICATE;
  }

  /**
   * The people whose {@code phone} is the sender's address: by the phone identifier, as given and
   * with or without a leading {@code +}, and by the attribute's E.164 form ({@link
   * PeopleService#findByPhoneNumber}: {@code "+44 20 7946 0958"} is {@code +442079460958}).
   */
  private List<PersonView> senders(WorkspaceId workspace, String address) {
    String a = address == null ? "" : address.trim();
    if (a.isEmpty() || a.length() > 64) {
      return List.of();
    }
    Map<String, PersonView> found = new LinkedHashMap<>();
    for (String form : List.of(a, a.startsWith("+") ? a.substring(1) : "+" + a)) {
      people
          .find(workspace, new PersonRef(IdType.PHONE, form))
          .ifPresent(p -> found.putIfAbsent(p.cioId(), p));
    }
    for (PersonView p : people.findByPhoneNumber(workspace, a)) {
      found.putIfAbsent(p.cioId(), p);
    }
    return List.copyOf(found.values());
  }

  /**
   * Sets {@code channels.<channel>} in the person's preferences; the people module merges it
   * channel by channel, keeping {@code topics} and the other channels.
   */
  private void setChannel(WorkspaceId workspace, PersonView person, String channel, boolean on) {
    people.identify(
        workspace,
        new PersonRef(IdType.CIO_ID, person.cioId()),
        Jsons.createObjectBuilder()
            .add(
                ChannelPreferences.ATTRIBUTE,
                Jsons.createObjectBuilder()
                    .add(ChannelPreferences.CHANNELS, Jsons.createObjectBuilder().add(channel, on)))
            .build());
  }

  private void event(
      WorkspaceId workspace, PersonView person, String name, DeliveryEvent e, String dedupe) {
    JsonObjectBuilder data = Jsons.createObjectBuilder().add("from", e.recipient());
    String detail = e.detail();
    if (!detail.isEmpty()) {
      String text = detail.length() > MAX_TEXT ? detail.substring(0, MAX_TEXT) : detail;
      data.add(e.kind() == DeliveryEvent.Kind.REPLIED ? "text" : "keyword", text);
    }
    if (!e.providerMessageId().isEmpty()) {
      data.add("provider_message_id", e.providerMessageId());
    }
    events.record(
        workspace,
        List.of(
            new NewEvent(
                new EventSubject.Person(person.cioId()),
                name,
                EventType.EVENT,
                dedupe,
                e.occurredAt(),
                data.build(),
                null,
                "messaging")));
  }
}
