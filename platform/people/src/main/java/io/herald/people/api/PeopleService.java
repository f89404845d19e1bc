package io.herald.people.api;

import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * {@link #identify} for each of {@code calls}, in their order, committed together where possible
   * (a Pipelines batch of identifies is then one commit, not one per message). If the shared commit
   * fails, the calls are written again one by one in order, as separate identify calls would be; a
   * failure then ends the method, after the calls before it were committed.
   *
   * @return one answer per call, in order: an invalid body's problems instead of a result
   */
  List<IdentifyAnswer> identifyAll(WorkspaceId workspace, List<IdentifyCall> calls);

  /** The person {@code ref} points at. */
  Optional<PersonView> find(WorkspaceId workspace, PersonRef ref);

  /**
   * The people whose {@code phone} attribute is {@code number} once both are in E.164 form (spaces,
   * brackets, dots, slashes and hyphens dropped, a leading {@code 00} read as {@code +}, a missing
   * {@code +} added), oldest first, at most 100: {@code "+1 (555) 010-0123"} is found by {@code
   * 15550100123}. Empty when {@code number} has no E.164 form.
   */
  List<PersonView> findByPhoneNumber(WorkspaceId workspace, String number);

  /**
   * What happened to the person's profile (created, attribute changes, failed attribute changes,
   * merges), newest first, skipping {@code start} and returning at most {@code limit}.
   */
  List<PersonChange> changes(WorkspaceId workspace, String cioId, int start, int limit);

  /**
   * The people {@code refs} point at who exist, by ref (refs naming nobody are absent; nobody is
   * created): what {@link #find} gives for each ref, in one query per identifier type.
   */
  default Map<PersonRef, PersonView> findAll(WorkspaceId workspace, Collection<PersonRef> refs) {
    Map<PersonRef, PersonView> found = new HashMap<>();
    for (PersonRef ref : refs) {
      find(workspace, ref).ifPresent(person -> found.put(ref, person));
    }
    return found;
  }

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

  /**
   * Adds a push device to the person {@code ref} points at, or updates it (Customer.io {@code PUT
   * /customers/{identifier}/devices}). {@code device} is the device object of any API family:
   * {@code {"id"|"token": "…", "platform": "ios"|"android", "last_used": <Unix seconds>,
   * "attributes": {…}}}. The person is created when missing (not for a cio_id); a suppressed
   * identifier writes nothing. A token belongs to at most one person of a workspace: a token of
   * another person moves to this one. Attributes given replace those of the same name ({@code null}
   * or {@code ""} removes one); {@code last_used} defaults to now.
   *
   * @throws InvalidPersonDataException when the device breaks a limit or a type rule; nothing is
   *     written then
   */
  DeviceResult addDevice(WorkspaceId workspace, PersonRef ref, JsonObject device);

  /**
   * Removes the device {@code token} from the person {@code ref} points at (Customer.io {@code
   * DELETE /customers/{identifier}/devices/{device_id}}).
   *
   * @return whether the person had the device; removing nothing is not an error
   */
  boolean deleteDevice(WorkspaceId workspace, PersonRef ref, String token);

  /**
   * The devices of the person {@code ref} points at, most recently used first; empty for nobody.
   */
  List<DeviceView> devices(WorkspaceId workspace, PersonRef ref);

  /**
   * Looks many people up by one kind of identifier at once (segment membership, bulk calls).
   *
   * @return for each value that names a person, that person's identifiers, keyed by the value as
   *     given (emails match case-insensitively); values naming nobody are absent
   */
  Map<String, PersonIdentifiers> lookup(
      WorkspaceId workspace, IdType type, Collection<String> values);

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

  /** Most people one {@link #scan} call returns. */
  int MAX_SCAN = 1000;

  /**
   * A page of the workspace's people in {@code cio_id} order (keyset paging, for bulk readers such
   * as exports that must never hold everyone in memory): up to {@code limit} people whose cio_id
   * sorts after {@code afterCioId} ({@code ""} for the first page). Pass the last cio_id of a page
   * to get the next; a page shorter than {@code limit} is the last. People created while a scan
   * runs appear only if their cio_id sorts after the cursor.
   *
   * @throws IllegalArgumentException when {@code limit} is not 1 to {@link #MAX_SCAN}
   */
  List<PersonView> scan(WorkspaceId workspace, String afterCioId, int limit);
}
