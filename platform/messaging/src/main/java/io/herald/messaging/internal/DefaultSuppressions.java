package io.herald.messaging.internal;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.Suppressions;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The suppression list on {@code messaging_suppression}. Hard bounces and complaints are added by
 * {@link ProviderEvents} and {@link Engagements} in the transaction that records them.
 */
@ApplicationScoped
public class DefaultSuppressions implements Suppressions {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject Clock clock;

  @Override
  public List<SuppressionView> list(
      WorkspaceId workspace, String channel, Long beforeId, int limit) {
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c -> SuppressionStore.list(c, workspace.value(), channel, beforeId, limit));
  }

  @Override
  public Optional<SuppressionView> find(WorkspaceId workspace, String channel, String address) {
    if (address == null) {
      return Optional.empty();
    }
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c -> SuppressionStore.find(c, workspace.value(), channel, address));
  }

  @Override
  public Added add(WorkspaceId workspace, String channel, String address) {
    Optional<String> problem = Suppressions.problem(channel, address == null ? "" : address);
    if (problem.isPresent()) {
      throw new InvalidMessageException(List.of(problem.get()));
    }
    return Transactions.inTransaction(
        dataSource,
        "messaging",
        c -> {
          boolean created =
              SuppressionStore.add(
                  c,
                  workspace.value(),
                  channel,
                  address,
                  SuppressionView.MANUAL,
                  null,
                  clock.instant());
          return new Added(
              SuppressionStore.find(c, workspace.value(), channel, address).orElseThrow(), created);
        });
  }

  @Override
  public boolean remove(WorkspaceId workspace, String channel, String address) {
    if (address == null || !CHANNELS.contains(channel)) {
      return false;
    }
    return Transactions.inTransaction(
        dataSource,
        "messaging",
        c -> SuppressionStore.remove(c, workspace.value(), channel, address));
  }
}
