package io.herald.inapp.internal;

import io.herald.inapp.api.InAppContent;
import io.herald.inapp.api.InAppInbox;
import io.herald.inapp.api.InvalidInAppContentException;
import io.herald.messaging.api.HostChannelProvider;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code IN_APP} channel's provider, built into Herald ({@link HostChannelProvider}, id {@code
 * in-app}): sending an in-app delivery queues it for its person, once per delivery id, and accepts
 * it with the delivery id as provider message id (the SDK's events name it).
 */
@ApplicationScoped
public class InAppChannel implements HostChannelProvider {

  /** The provider id a channel setting names. */
  public static final String ID = "in-app";

  private static final Logger LOG = Logger.getLogger(InAppChannel.class.getName());

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.IN_APP,
          "In-app messages",
          "Herald's own queue, served to the in-app JavaScript SDK (/sdk/herald-inapp.js)");

  @Inject InAppInbox inbox;

  @Inject PeopleService people;

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ChannelProvider create(WorkspaceId workspace) {
    return new Provider(workspace);
  }

  /**
   * The person a delivery is for: its metadata {@code cio_id} when messaging passes one, else the
   * recipient as a cio_id, else the recipient read as the Track API reads an identifier (an id).
   */
  Optional<PersonView> person(WorkspaceId workspace, OutboundMessage message) {
    String cioId = message.metadata().get("cio_id");
    if (cioId != null && !cioId.isBlank()) {
      return people.find(workspace, new PersonRef(IdType.CIO_ID, cioId));
    }
    String recipient = message.recipient();
    if (recipient.isBlank() || !new PersonRef(IdType.CIO_ID, recipient).wellFormed()) {
      return Optional.empty();
    }
    return people
        .find(workspace, new PersonRef(IdType.CIO_ID, recipient))
        .or(() -> people.find(workspace, PersonRef.fromTrackPath(recipient)));
  }

  /** One workspace's provider. */
  private final class Provider implements ChannelProvider {

    private final WorkspaceId workspace;

    Provider(WorkspaceId workspace) {
      this.workspace = workspace;
    }

    @Override
    public DeliveryResult send(OutboundMessage message) {
      InAppContent content;
      try {
        content = InAppContent.of(message.subject(), message.body(), message.payload());
      } catch (InvalidInAppContentException e) {
        return DeliveryResult.permanent("in-app content: " + e.getMessage());
      }
      try {
        Optional<PersonView> person = person(workspace, message);
        if (person.isEmpty()) {
          return DeliveryResult.invalidRecipient("no person " + message.recipient());
        }
        inbox.queue(workspace, person.get().cioId(), message.idempotencyKey(), content);
        return DeliveryResult.accepted(message.idempotencyKey());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "queuing an in-app message failed", e);
        return DeliveryResult.retryable("in-app queue: " + e.getMessage(), Duration.ZERO);
      }
    }

    @Override
    public ProviderHealth health() {
      return ProviderHealth.up("in-app queue");
    }
  }
}
