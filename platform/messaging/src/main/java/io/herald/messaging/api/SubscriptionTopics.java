package io.herald.messaging.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** A workspace's subscription topics (Customer.io's subscription center). */
public interface SubscriptionTopics {

  /**
   * @throws InvalidMessageException naming each bad field
   */
  TopicView create(WorkspaceId workspace, TopicInput input);

  /**
   * @throws NotFoundException when there is no such topic
   * @throws InvalidMessageException naming each bad field
   */
  TopicView update(WorkspaceId workspace, long id, TopicInput input);

  /**
   * Deletes a topic. Its number is not reused; messages naming it send as if they had no topic.
   *
   * @return false when there was no such topic
   */
  boolean delete(WorkspaceId workspace, long id);

  /** By number. */
  Optional<TopicView> find(WorkspaceId workspace, long id);

  /**
   * By a reference as messages name topics: {@code topic_3} or {@code 3}.
   *
   * @return empty when the reference is malformed or names no topic
   */
  Optional<TopicView> resolve(WorkspaceId workspace, String reference);

  /** Every topic of the workspace, by position then id. */
  List<TopicView> list(WorkspaceId workspace);
}
