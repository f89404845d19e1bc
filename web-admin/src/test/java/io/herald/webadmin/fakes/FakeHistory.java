package io.herald.webadmin.fakes;

import io.herald.segments.api.MembershipGrowth;
import io.herald.segments.api.MembershipHistory;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Growth per segment as set by the test; remembers the instant it was asked about. */
public final class FakeHistory implements MembershipHistory {

  public final Map<Long, MembershipGrowth> growth = new HashMap<>();
  public Instant askedSince;

  @Override
  public Map<Long, MembershipGrowth> growthSince(WorkspaceId workspace, Instant since) {
    askedSince = since;
    return Map.copyOf(growth);
  }
}
