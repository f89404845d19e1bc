package io.herald.messaging.internal;

import io.herald.messaging.api.SubscriptionTopics;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.TopicView;
import io.herald.messaging.api.TransactionalView;
import io.herald.messaging.api.Transactionals;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import java.util.Optional;
import javax.sql.DataSource;

/** What preparing a send reads, in one workspace ({@link SendPreparer}). */
interface SendLookups {

  WorkspaceId workspace();

  /** The transactional message of a send, by id or trigger name. */
  Optional<TransactionalView> message(String id);

  /**
   * An email's sources with its stored layout and snippets.
   *
   * @throws io.herald.messaging.api.NotFoundException when the layout no longer exists
   */
  EmailComposer.Template template(EmailParts parts, Long layoutId);

  /** The person, created when missing ({@link PeopleService#findOrCreate}). */
  Optional<PersonView> person(PersonRef ref);

  /** Whether {@code recipient} is suppressed for email. */
  Optional<SuppressionView> suppression(String recipient);

  /** A subscription topic by id or name. */
  Optional<TopicView> topic(String topic);

  /** Each lookup read when asked for. */
  record Direct(
      WorkspaceId workspace,
      DataSource dataSource,
      PeopleService people,
      Transactionals transactionals,
      SubscriptionTopics topics,
      StoredContent content)
      implements SendLookups {

    @Override
    public Optional<TransactionalView> message(String id) {
      return transactionals.find(workspace, id);
    }

    @Override
    public EmailComposer.Template template(EmailParts parts, Long layoutId) {
      return content.template(workspace, parts, layoutId);
    }

    @Override
    public Optional<PersonView> person(PersonRef ref) {
      return people.findOrCreate(workspace, ref);
    }

    @Override
    public Optional<SuppressionView> suppression(String recipient) {
      return Transactions.autoCommit(
          dataSource,
          "messaging",
          c -> SuppressionStore.find(c, workspace.value(), "email", recipient));
    }

    @Override
    public Optional<TopicView> topic(String topic) {
      return topics.resolve(workspace, topic);
    }
  }
}
