package io.herald.messaging.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** A workspace's email layouts: the HTML a message's body is wrapped in. */
public interface Layouts {

  /**
   * @throws InvalidMessageException naming each bad field (no or several {@code {{ content }}}
   *     placeholders, Liquid that does not compile)
   */
  LayoutView create(WorkspaceId workspace, LayoutInput input);

  /**
   * @throws NotFoundException when there is no such layout
   * @throws InvalidMessageException naming each bad field
   */
  LayoutView update(WorkspaceId workspace, long id, LayoutInput input);

  Optional<LayoutView> find(WorkspaceId workspace, long id);

  /** Every layout of the workspace, by id. */
  List<LayoutView> list(WorkspaceId workspace);

  /**
   * Deletes a layout no transactional message uses.
   *
   * @throws NotFoundException when there is no such layout
   * @throws ContentInUseException naming the messages that use it
   */
  void delete(WorkspaceId workspace, long id);
}
