package io.herald.people.internal;

import io.herald.people.api.DeviceResult;
import io.herald.people.api.DeviceView;
import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyAnswer;
import io.herald.people.api.IdentifyCall;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.MergeResult;
import io.herald.people.api.PeoplePage;
import io.herald.people.api.PeopleQuery;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonChange;
import io.herald.people.api.PersonIdentifiers;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.ingest.GroupCommit;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Validates identify bodies, then writes them through a group commit (concurrent calls share one
 * transaction), retrying when a concurrent request created the same person or updated it first
 * (unique key or version clash).
 */
@ApplicationScoped
public class DefaultPeopleService implements PeopleService {

  private static final Logger LOG = Logger.getLogger(DefaultPeopleService.class.getName());
  private static final int ATTEMPTS = 3;

  @Inject PersonWriter writer;

  @Inject PersonRepository people;

  @Inject AnonymousIdRepository anonymousIds;

  @Inject ChangeLog changeLog;

  @Inject DeviceWriter deviceWriter;

  @Inject PeopleSearch search;

  @Inject SuppressionRepository suppressions;

  /** How many identify group commits may run at once on this node (shared with events). */
  @Inject
  @ConfigProperty(name = "herald.ingest.writers", defaultValue = "2")
  int writers;

  /** The most identify calls one group commit takes. */
  @Inject
  @ConfigProperty(name = "herald.ingest.max-rows-per-commit", defaultValue = "2000")
  int maxPerCommit;

  /** The identify group commit (package-private for tests). */
  GroupCommit<IdentifyRequest, IdentifyResult> identifies;

  @PostConstruct
  void start() {
    identifies = new GroupCommit<>(writers, maxPerCommit, requests -> writer.identifyAll(requests));
  }

  /**
   * Validates the body, then hands the call to the group commit: it is written in a transaction
   * with the identify calls that arrived meanwhile, in arrival order, and this returns once that
   * transaction committed. A failed group is written again call by call (so another call's failure
   * never fails this one), and a call that lost a race with a concurrent write is submitted again.
   */
  @Override
  public IdentifyResult identify(WorkspaceId workspace, PersonRef ref, JsonObject body) {
    AttributeChanges changes = AttributeChanges.parse(body);
    IdentifyRequest request = new IdentifyRequest(workspace.value(), ref, changes);
    return logConflict(retrying(() -> identifies.submit(List.of(request)).get(0)));
  }

  @Override
  public List<IdentifyAnswer> identifyAll(WorkspaceId workspace, List<IdentifyCall> calls) {
    List<IdentifyAnswer> answers = new ArrayList<>(Collections.nCopies(calls.size(), null));
    List<IdentifyRequest> requests = new ArrayList<>(calls.size());
    List<Integer> positions = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      IdentifyCall call = calls.get(i);
      try {
        AttributeChanges changes = AttributeChanges.parse(call.body());
        requests.add(new IdentifyRequest(workspace.value(), call.ref(), changes));
        positions.add(i);
      } catch (InvalidPersonDataException e) {
        answers.set(i, IdentifyAnswer.invalid(e.problems()));
      }
    }
    List<IdentifyResult> results;
    try {
      results = requests.isEmpty() ? List.of() : retrying(() -> identifies.submit(requests));
    } catch (RuntimeException shared) {
      if (requests.size() == 1) {
        throw shared;
      }
      // One call may have failed them all: each alone, in order, as separate calls would be.
      results = new ArrayList<>(requests.size());
      for (IdentifyRequest request : requests) {
        results.add(retrying(() -> identifies.submit(List.of(request)).get(0)));
      }
    }
    for (int i = 0; i < results.size(); i++) {
      answers.set(positions.get(i), IdentifyAnswer.of(logConflict(results.get(i))));
    }
    return answers;
  }

  private static IdentifyResult logConflict(IdentifyResult result) {
    if (result.outcome() == IdentifyResult.Outcome.CONFLICT) {
      LOG.info(
          () -> "attribute update failure for cio_id " + result.cioId() + ": " + result.detail());
    }
    return result;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PersonView> find(WorkspaceId workspace, PersonRef ref) {
    return people.view(workspace.value(), ref);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PersonView> findByPhoneNumber(WorkspaceId workspace, String number) {
    String e164 = PhoneNumbers.e164(number);
    if (e164 == null) {
      return List.of();
    }
    return people.findByPhoneE164(workspace.value(), e164).stream().map(Person::view).toList();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<PersonRef, PersonView> findAll(WorkspaceId workspace, Collection<PersonRef> refs) {
    Map<IdType, Map<String, List<PersonRef>>> byType = new EnumMap<>(IdType.class);
    for (PersonRef ref : refs) {
      String key = ref.type() == IdType.EMAIL ? Person.emailKey(ref.value()) : ref.value();
      byType
          .computeIfAbsent(ref.type(), t -> new HashMap<>())
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(ref);
    }
    Map<PersonRef, PersonView> found = new HashMap<>();
    byType.forEach(
        (type, keys) -> {
          for (Person person : people.findAll(workspace.value(), type, keys.keySet())) {
            String key =
                switch (type) {
                  case ID -> person.customerId();
                  case EMAIL -> Person.emailKey(person.email());
                  case CIO_ID -> person.cioId();
                  case PHONE -> person.phone();
                };
            List<PersonRef> named = key == null ? null : keys.get(key);
            if (named != null) {
              PersonView view = person.view();
              named.forEach(ref -> found.put(ref, view));
            }
          }
        });
    return found;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PersonChange> changes(WorkspaceId workspace, String cioId, int start, int limit) {
    return changeLog.of(workspace.value(), cioId, start, limit);
  }

  @Override
  public Optional<PersonView> findOrCreate(WorkspaceId workspace, PersonRef ref) {
    Optional<PersonView> existing = find(workspace, ref);
    if (existing.isPresent()) {
      return existing;
    }
    IdentifyResult created = identify(workspace, ref, JsonValue.EMPTY_JSON_OBJECT);
    if (created.outcome() != IdentifyResult.Outcome.CREATED
        && created.outcome() != IdentifyResult.Outcome.UPDATED) {
      return Optional.empty();
    }
    return find(workspace, new PersonRef(IdType.CIO_ID, created.cioId()));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PersonView> findByAnonymousId(WorkspaceId workspace, String anonymousId) {
    return anonymousIds
        .personOf(workspace.value(), anonymousId)
        .flatMap(cioId -> people.find(workspace.value(), new PersonRef(IdType.CIO_ID, cioId)))
        .map(Person::view);
  }

  @Override
  public boolean delete(WorkspaceId workspace, PersonRef ref) {
    return writer.delete(workspace.value(), ref);
  }

  @Override
  public void suppress(WorkspaceId workspace, PersonRef ref) {
    retrying(
        () -> {
          writer.suppress(workspace.value(), ref);
          return null;
        });
  }

  @Override
  public boolean unsuppress(WorkspaceId workspace, PersonRef ref) {
    return writer.unsuppress(workspace.value(), ref);
  }

  /** Runs a write transaction again when a concurrent request won a unique key or version. */
  @Override
  public MergeResult merge(WorkspaceId workspace, PersonRef primary, PersonRef secondary) {
    return retrying(() -> writer.merge(workspace.value(), primary, secondary));
  }

  @Override
  public DeviceResult addDevice(WorkspaceId workspace, PersonRef ref, JsonObject device) {
    DeviceChange change = DeviceChange.parse(device);
    return retrying(() -> deviceWriter.add(workspace.value(), ref, change));
  }

  @Override
  public boolean deleteDevice(WorkspaceId workspace, PersonRef ref, String token) {
    return deviceWriter.delete(workspace.value(), ref, token);
  }

  @Override
  public List<DeviceView> devices(WorkspaceId workspace, PersonRef ref) {
    return deviceWriter.of(workspace.value(), ref);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public PeoplePage search(WorkspaceId workspace, PeopleQuery query, String after, int limit) {
    if (limit < 1 || limit > MAX_SEARCH_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_SEARCH_LIMIT);
    }
    return search.search(workspace.value(), query, after, limit);
  }

  @Override
  public Map<String, PersonIdentifiers> lookup(
      WorkspaceId workspace, IdType type, Collection<String> values) {
    // The column value each given value matches (emails by their lower-cased key).
    Map<String, List<String>> byKey = new HashMap<>();
    for (String value : values) {
      String key = type == IdType.EMAIL ? Person.emailKey(value) : value;
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    Map<String, PersonIdentifiers> found = new HashMap<>();
    if (byKey.isEmpty()) {
      return found;
    }
    for (Object[] row : people.identifiers(workspace.value(), type, byKey.keySet())) {
      PersonIdentifiers person =
          new PersonIdentifiers((String) row[0], (String) row[1], (String) row[2]);
      String key =
          switch (type) {
            case ID -> person.id();
            case EMAIL -> (String) row[3];
            case CIO_ID -> person.cioId();
            case PHONE -> (String) row[4];
          };
      byKey.getOrDefault(key, List.of()).forEach(value -> found.put(value, person));
    }
    return found;
  }

  @Override
  public boolean suppressed(WorkspaceId workspace, PersonRef ref) {
    return suppressions.suppressed(workspace.value(), ref);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PersonView> scan(WorkspaceId workspace, String afterCioId, int limit) {
    if (limit < 1 || limit > MAX_SCAN) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_SCAN + ": " + limit);
    }
    return people.scan(workspace.value(), afterCioId == null ? "" : afterCioId, limit).stream()
        .map(Person::view)
        .toList();
  }

  private static <T> T retrying(java.util.function.Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isConcurrentWrite(e)) {
          throw e;
        }
        LOG.log(Level.FINE, "write raced with another request; retrying", e);
      }
    }
  }

  private static boolean isConcurrentWrite(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return true;
      }
      if (t instanceof java.sql.SQLIntegrityConstraintViolationException
          || t instanceof java.sql.SQLTransactionRollbackException) {
        return true; // a unique key taken meanwhile; a deadlock with a concurrent transaction
      }
      if (t instanceof RollbackException || t instanceof PersistenceException) {
        String message = String.valueOf(t.getMessage());
        if (message.contains("Duplicate entry")) {
          return true;
        }
      }
    }
    return false;
  }
}
