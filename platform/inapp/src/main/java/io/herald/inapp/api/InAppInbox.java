package io.herald.inapp.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;

/** People's queues of in-app messages, which the SDK endpoints serve. */
public interface InAppInbox {

  /**
   * Queues a message for a person, once per delivery id: queuing the same delivery again (a send
   * retried after a crash) returns the message already queued and changes nothing.
   *
   * @param cioId the person (their cio_id)
   * @param deliveryId the delivery's id, at most 64 characters
   * @return the queued message
   */
  InAppMessage queue(WorkspaceId workspace, String cioId, String deliveryId, InAppContent content);

  /**
   * The person's messages, newest first, whatever their state (for the console).
   *
   * @param limit at most this many
   */
  List<InAppMessage> recent(WorkspaceId workspace, String cioId, int limit);
}
