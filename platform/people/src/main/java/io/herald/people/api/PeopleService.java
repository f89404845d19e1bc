package io.herald.people.api;

import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.util.Optional;

/** People profiles with Customer.io's identify semantics. */
public interface PeopleService {

  /**
   * Creates or updates the person {@code ref} points at with the attributes of {@code body}
   * (Customer.io's {@code PUT /api/v1/customers/{identifier}} semantics: {@code id} and {@code
   * email} in the body set or reassign identifiers, {@code _update: true} never creates, {@code
   * null} or {@code ""} removes an attribute, {@code created_at} must be Unix seconds).
   *
   * @throws InvalidPersonDataException when the body breaks a limit or a type rule; nothing is
   *     written then
   */
  IdentifyResult identify(WorkspaceId workspace, PersonRef ref, JsonObject body);

  /** The person {@code ref} points at. */
  Optional<PersonView> find(WorkspaceId workspace, PersonRef ref);
}
