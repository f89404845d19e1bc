package io.herald.objects.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;

/**
 * Fired (CDI event) inside the transaction that changed what a person is related to: relationships
 * added, updated or removed, or the attributes of an object people are related to. An observer may
 * record its consequences in that same transaction ({@code during = IN_PROGRESS}, the default; it
 * must not fail, or the change rolls back) or react after commit ({@code AFTER_SUCCESS}).
 *
 * @param workspace the workspace
 * @param objectTypeId the type of the object(s) concerned ({@code "1"}, …)
 * @param personCioIds the people whose relationships changed; empty when {@code cioObjectId} names
 *     an object whose own attributes changed (or which is about to be deleted): then everyone
 *     related to it is concerned
 * @param cioObjectId the object whose attributes changed, or {@code null}
 */
public record RelationshipsChanged(
    WorkspaceId workspace, String objectTypeId, List<String> personCioIds, String cioObjectId) {

  /** Copies the list. */
  public RelationshipsChanged {
    personCioIds = List.copyOf(personCioIds);
  }
}
