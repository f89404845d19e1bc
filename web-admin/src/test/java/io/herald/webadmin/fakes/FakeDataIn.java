package io.herald.webadmin.fakes;

import io.herald.ingest.api.DataInLog;
import io.herald.ingest.api.DroppedMessage;
import io.herald.workspace.api.WorkspaceId;
import java.util.ArrayList;
import java.util.List;

/** Drops newest first; remembers the limit it was asked for. */
public final class FakeDataIn implements DataInLog {

  public final List<DroppedMessage> drops = new ArrayList<>();
  public int askedLimit = -1;

  @Override
  public List<DroppedMessage> recentDrops(WorkspaceId workspace, int limit) {
    askedLimit = limit;
    return drops.stream().limit(limit).toList();
  }
}
