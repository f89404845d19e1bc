package io.herald.events.internal;

import io.herald.people.api.IdType;
import java.util.Collection;
import java.util.Map;

/**
 * Finds the people that identifiers name, for the events whose person the group commit looks up
 * (one lookup per identifier type for the whole group instead of one per call).
 */
@FunctionalInterface
interface PersonResolver {

  /**
   * The cio_id of each of {@code values} ({@code type} identifiers) that someone in the workspace
   * has, keyed by the value as given; values nobody has are absent.
   */
  Map<String, String> cioIds(long workspaceId, IdType type, Collection<String> values);
}
