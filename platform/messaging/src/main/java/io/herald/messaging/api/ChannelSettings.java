package io.herald.messaging.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;

/** A workspace's channel providers and their settings (secrets encrypted at rest). */
public interface ChannelSettings {

  /**
   * Creates or replaces a setting, checked against the provider's schema.
   *
   * @throws InvalidMessageException naming each bad field (unknown provider, a value the schema
   *     refuses, a channel the provider does not send)
   */
  ChannelSettingView save(WorkspaceId workspace, ChannelSettingInput input);

  /** Every setting of the workspace, by name. */
  List<ChannelSettingView> list(WorkspaceId workspace);

  /** Deletes a setting; false when there was none. */
  boolean delete(WorkspaceId workspace, String name);
}
