package io.herald.messaging.internal;

import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.Suppressions;
import io.herald.messaging.api.TopicView;
import io.herald.messaging.api.TransactionalView;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lookups of one bulk batch: a message, its layout and snippets, a topic and a person are read
 * once for all the entries that name them, and the suppressions of every recipient in one query
 * before the entries are prepared. Entries are prepared one after the other on the request's
 * thread, so this is not thread-safe. A failed person lookup is thrown again to each entry that
 * asks for that person, as it would have been thrown had the entry looked it up itself.
 */
final class BulkLookups implements SendLookups {

  private record TemplateKey(EmailParts parts, Long layoutId) {}

  private final Direct direct;
  private final Map<String, Optional<TransactionalView>> messages = new HashMap<>();
  private final Map<TemplateKey, EmailComposer.Template> templates = new HashMap<>();
  private final Map<PersonRef, Optional<PersonView>> people = new HashMap<>();
  private final Map<PersonRef, RuntimeException> personFailures = new HashMap<>();
  private final Map<String, Optional<TopicView>> topics = new HashMap<>();
  private Map<String, SuppressionView> suppressions = Map.of();
  private Set<String> suppressionsRead = Set.of();

  private BulkLookups(Direct direct) {
    this.direct = direct;
  }

  /**
   * Lookups for {@code sends}, with the people they name (those whose message exists) and the
   * suppressions of their recipients already read.
   */
  static BulkLookups readAhead(Direct direct, List<EmailSend> sends) {
    BulkLookups lookups = new BulkLookups(direct);
    List<EmailSend> reaching = new ArrayList<>(sends.size());
    Set<PersonRef> refs = new LinkedHashSet<>();
    for (EmailSend send : sends) {
      if (send.transactionalMessageId() != null
          && lookups.message(send.transactionalMessageId()).isEmpty()) {
        continue; // refused before its person is looked up (or created)
      }
      if (send.identifiers() != null) {
        reaching.add(send);
        refs.add(send.identifiers());
      }
    }
    // The people who exist in one query per identifier type; the others are created one by one.
    direct
        .people()
        .findAll(direct.workspace(), refs)
        .forEach((ref, person) -> lookups.people.put(ref, Optional.of(person)));
    List<String> recipients = new ArrayList<>(reaching.size());
    for (EmailSend send : reaching) {
      Optional<PersonView> person;
      try {
        person = lookups.person(send.identifiers());
      } catch (RuntimeException e) {
        continue; // thrown again when the entry is prepared
      }
      String recipient = send.to() != null ? send.to() : person.map(PersonView::email).orElse(null);
      if (recipient != null && !recipient.isBlank()) {
        recipients.add(recipient);
      }
    }
    lookups.readSuppressions(recipients);
    return lookups;
  }

  private void readSuppressions(List<String> recipients) {
    if (recipients.isEmpty()) {
      return;
    }
    WorkspaceId workspace = direct.workspace();
    suppressions =
        Transactions.autoCommit(
            direct.dataSource(),
            "messaging",
            c -> SuppressionStore.findAll(c, workspace.value(), "email", recipients));
    suppressionsRead = Set.copyOf(SuppressionStore.normalisedKeys("email", recipients));
  }

  @Override
  public WorkspaceId workspace() {
    return direct.workspace();
  }

  @Override
  public Optional<TransactionalView> message(String id) {
    return messages.computeIfAbsent(id, direct::message);
  }

  @Override
  public EmailComposer.Template template(EmailParts parts, Long layoutId) {
    TemplateKey key = new TemplateKey(parts, layoutId);
    EmailComposer.Template found = templates.get(key);
    if (found == null) {
      found = direct.template(parts, layoutId);
      templates.put(key, found);
    }
    return found;
  }

  @Override
  public Optional<PersonView> person(PersonRef ref) {
    RuntimeException failed = personFailures.get(ref);
    if (failed != null) {
      throw failed;
    }
    Optional<PersonView> found = people.get(ref);
    if (found == null) {
      try {
        found = direct.person(ref);
      } catch (RuntimeException e) {
        personFailures.put(ref, e);
        throw e;
      }
      people.put(ref, found);
    }
    return found;
  }

  @Override
  public Optional<SuppressionView> suppression(String recipient) {
    String key = recipient == null ? "" : Suppressions.normalise("email", recipient);
    if (suppressionsRead.contains(key)) {
      return Optional.ofNullable(suppressions.get(key));
    }
    return direct.suppression(recipient);
  }

  @Override
  public Optional<TopicView> topic(String topic) {
    return topics.computeIfAbsent(topic, direct::topic);
  }
}
