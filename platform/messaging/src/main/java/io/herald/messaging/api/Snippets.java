package io.herald.messaging.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's snippets, as Customer.io's App API keeps them: by name, created or replaced by
 * name. Every send and preview renders the snippets its templates name from these.
 */
public interface Snippets {

  /** The longest name (Customer.io's limit). */
  int MAX_NAME = 150;

  /** The longest value (Customer.io's default limit). */
  int MAX_VALUE = 16_000;

  /** Every snippet of the workspace, by name. */
  List<SnippetView> list(WorkspaceId workspace);

  /** One snippet by its exact name. */
  Optional<SnippetView> find(WorkspaceId workspace, String name);

  /**
   * Creates the snippet or replaces its value. Name and value are trimmed first, as Customer.io
   * does.
   *
   * @throws InvalidMessageException naming the field (a bad name, a value too long or that is not
   *     valid Liquid)
   */
  SnippetView put(WorkspaceId workspace, String name, String value);

  /**
   * Deletes a snippet that no transactional message or layout names.
   *
   * @throws NotFoundException when there is no such snippet
   * @throws ContentInUseException naming the messages and layouts that use it
   */
  void delete(WorkspaceId workspace, String name);
}
