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

  /**
   * The person {@code ref} points at, created (with no attributes) when an {@code id} or {@code
   * email} names nobody yet — what Customer.io does when activity arrives for an unknown person.
   * Empty for an unknown {@code cio_id} and for a suppressed identifier.
   */
  Optional<PersonView> findOrCreate(WorkspaceId workspace, PersonRef ref);

  /**
   * The person who was identified with {@code anonymousId} (identify's {@code anonymous_id}, or a
   * Pipelines call carrying both ids), if anyone was.
   */
  Optional<PersonView> findByAnonymousId(WorkspaceId workspace, String anonymousId);

  /**
   * Deletes the person {@code ref} points at (Customer.io {@code DELETE /customers/{id}}).
   *
   * @return whether a person was deleted; deleting nobody is not an error
   */
  boolean delete(WorkspaceId workspace, PersonRef ref);

  /**
   * Deletes the person and suppresses their identifiers (id and email, and {@code ref} itself even
   * when nobody matched): identify calls naming them are ignored until {@link #unsuppress}.
   */
  void suppress(WorkspaceId workspace, PersonRef ref);

  /**
   * Lifts the suppression of {@code ref}'s identifier, so the person can be created again (with no
   * data: suppression deleted it).
   *
   * @return whether the identifier was suppressed
   */
  boolean unsuppress(WorkspaceId workspace, PersonRef ref);

  /**
   * Merges {@code secondary} into {@code primary} and deletes it (Customer.io {@code
   * merge_customers}; irreversible). The primary keeps its attributes and identifiers; attributes
   * and identifiers it lacks are taken from the secondary, with their timestamps. The merge is
   * recorded and announced as {@link PeopleMerged}.
   */
  MergeResult merge(WorkspaceId workspace, PersonRef primary, PersonRef secondary);

  /** Most people one {@link #search} page may hold. */
  int MAX_SEARCH_LIMIT = 100;

  /**
   * People matching {@code query}, newest first (in the order Herald created them), one page at a
   * time: keyset paging, so a page costs the same however deep it is and no count of the whole
   * table is made. Identifier searches use the identifier indexes; an attribute search reads the
   * newest people's attributes until the page is full, and is cancelled (with {@link
   * SearchTimeoutException}) when it runs past the search time limit.
   *
   * @param after {@code ""} for the first page, else a previous page's {@link PeoplePage#next()}
   * @param limit people per page, 1 to {@link #MAX_SEARCH_LIMIT}
   * @throws IllegalArgumentException for a token that no page gave or a limit out of range
   */
  PeoplePage search(WorkspaceId workspace, PeopleQuery query, String after, int limit);

  /**
   * Whether {@code ref}'s identifier is suppressed ({@link #suppress}); always {@code false} for a
   * {@code cio_id}.
   */
  boolean suppressed(WorkspaceId workspace, PersonRef ref);
}
