package io.herald.messaging.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What Herald forgets when a provider says an address is gone ({@code
 * DeliveryResult.invalidRecipient}, plugin API 1.4.0): a push token is removed from the person's
 * devices (as Customer.io does for unregistered tokens), so later pushes skip it. The delivery
 * itself fails in the sending loop's outcome. Other channels keep their addresses (a phone number
 * is an attribute the customer's app owns).
 */
@ApplicationScoped
public class InvalidRecipients {

  private static final Logger LOG = Logger.getLogger(InvalidRecipients.class.getName());

  @Inject PeopleService people;

  /** Forgets the address of a delivery the provider refused as gone. */
  void forget(DeliveryQueue.Claimed d) {
    if (!"push".equals(d.channel()) || d.cioId() == null || d.recipient() == null) {
      return;
    }
    try {
      people.deleteDevice(
          new WorkspaceId(d.workspaceId()), new PersonRef(IdType.CIO_ID, d.cioId()), d.recipient());
    } catch (RuntimeException e) {
      // The delivery's failure is still recorded; the next invalid answer tries again.
      LOG.log(Level.WARNING, "removing an invalid push device failed", e);
    }
  }
}
