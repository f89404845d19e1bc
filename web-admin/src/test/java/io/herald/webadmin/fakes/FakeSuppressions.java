package io.herald.webadmin.fakes;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.Suppressions;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A suppression list in memory, normalising and checking addresses as the real module does. */
public final class FakeSuppressions implements Suppressions {

  public final List<SuppressionView> rows = new ArrayList<>();
  private long nextId = 1;

  /** Adds a row as a bounce or complaint would. */
  public void bounced(String address, String reason, String deliveryId) {
    suppressed("email", address, reason, deliveryId);
  }

  /** Adds a row of a channel. */
  public void suppressed(String channel, String address, String reason, String deliveryId) {
    rows.add(
        new SuppressionView(
            nextId++,
            channel,
            Suppressions.normalise(channel, address),
            reason,
            deliveryId,
            Instant.ofEpochSecond(1_700_000_000L + nextId)));
  }

  @Override
  public List<SuppressionView> list(
      WorkspaceId workspace, String channel, Long beforeId, int limit) {
    return rows.stream()
        .filter(r -> r.channel().equals(channel))
        .filter(r -> beforeId == null || r.id() < beforeId)
        .sorted(Comparator.comparingLong(SuppressionView::id).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<SuppressionView> find(WorkspaceId workspace, String channel, String address) {
    String key = Suppressions.normalise(channel, address);
    return rows.stream()
        .filter(r -> r.channel().equals(channel) && r.address().equals(key))
        .findFirst();
  }

  @Override
  public Added add(WorkspaceId workspace, String channel, String address) {
    Optional<String> problem = Suppressions.problem(channel, address);
    if (problem.isPresent()) {
      throw new InvalidMessageException(List.of(problem.get()));
    }
    Optional<SuppressionView> existing = find(workspace, channel, address);
    if (existing.isPresent()) {
      return new Added(existing.get(), false);
    }
    suppressed(channel, address, SuppressionView.MANUAL, null);
    return new Added(rows.get(rows.size() - 1), true);
  }

  @Override
  public boolean remove(WorkspaceId workspace, String channel, String address) {
    return find(workspace, channel, address).map(rows::remove).orElse(false);
  }
}
