package io.herald.messaging.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** A workspace's transactional messages. */
public interface Transactionals {

  /**
   * @throws InvalidMessageException naming each bad field (e.g. a trigger name already used)
   */
  TransactionalView create(WorkspaceId workspace, TransactionalInput input);

  /**
   * @throws NotFoundException when there is no such message
   * @throws InvalidMessageException naming each bad field
   */
  TransactionalView update(WorkspaceId workspace, long id, TransactionalInput input);

  /** By id, or by trigger name when {@code idOrTrigger} is not a number. */
  Optional<TransactionalView> find(WorkspaceId workspace, String idOrTrigger);

  /** Every message of the workspace, by id. */
  List<TransactionalView> list(WorkspaceId workspace);
}
