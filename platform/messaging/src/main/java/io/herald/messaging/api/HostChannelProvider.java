package io.herald.messaging.api;

import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelProvider;
import io.herald.workspace.api.WorkspaceId;

/**
 * A channel provider built into Herald rather than loaded from a plugin (the in-app message queue
 * of {@code platform/inapp}). Messaging offers every CDI bean of this type beside the started
 * plugins' factories: its descriptor id is a provider a channel setting may name (it has no
 * settings of its own), and a send on its channel when the workspace has no setting for that
 * channel goes to it.
 */
public interface HostChannelProvider {

  /** The provider's id (a channel setting's {@code provider}), channel and name. */
  ChannelDescriptor descriptor();

  /**
   * A provider for one workspace's sends; the caller owns it and closes it.
   *
   * @param workspace the workspace whose deliveries it receives
   */
  ChannelProvider create(WorkspaceId workspace);
}
