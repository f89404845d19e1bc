package io.herald.segments.api;

import io.herald.segments.api.condition.ConditionDocument;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;

/**
 * Evaluates a condition tree for one person at an instant, with the same semantics as data-driven
 * segments (for journeys' entry filters, branches and wait-until conditions).
 */
public interface ConditionMatcher {

  /**
   * Whether the person with {@code cioId} matches {@code conditions} at {@code now}, in the
   * workspace's time zone; {@code false} when the workspace has no such person.
   */
  boolean matches(WorkspaceId workspace, String cioId, ConditionDocument conditions, Instant now);
}
