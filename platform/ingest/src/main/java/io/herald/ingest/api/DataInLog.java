package io.herald.ingest.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;

/** What the data-in APIs dropped, newest first. */
public interface DataInLog {

  /** The workspace's most recent drops, at most {@code limit}. */
  List<DroppedMessage> recentDrops(WorkspaceId workspace, int limit);
}
