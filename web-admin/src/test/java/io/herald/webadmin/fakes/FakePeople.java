package io.herald.webadmin.fakes;

import io.herald.people.api.IdentifyAnswer;
import io.herald.people.api.IdentifyCall;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.MergeResult;
import io.herald.people.api.PeoplePage;
import io.herald.people.api.PeopleQuery;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.people.api.SearchTimeoutException;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * People in creation order, searched newest first with the real contract's keyset tokens (here the
 * position of the page's last person). Records every query it was asked.
 */
public final class FakePeople implements PeopleService {

  public final List<PersonView> people = new ArrayList<>();
  public final Set<PersonRef> suppressed = new HashSet<>();
  public final List<PeopleQuery> queries = new ArrayList<>();
  public boolean timesOut;

  /** Adds a person {@code c<n>} with id {@code u<n>} and email {@code u<n>@example.com}. */
  public PersonView add(int n, JsonObject attributes, Map<String, Long> timestamps) {
    PersonView person =
        new PersonView(
            "c" + n,
            "u" + n,
            "u" + n + "@example.com",
            attributes,
            timestamps,
            false,
            Instant.ofEpochSecond(n),
            Instant.ofEpochSecond(n));
    people.add(person);
    return person;
  }

  /** Adds {@code count} people with no attributes. */
  public void addMany(int count) {
    for (int i = 1; i <= count; i++) {
      add(people.size() + 1, Json.createObjectBuilder().build(), Map.of());
    }
  }

  @Override
  public PeoplePage search(WorkspaceId workspace, PeopleQuery query, String after, int limit) {
    queries.add(query);
    if (timesOut) {
      throw new SearchTimeoutException("read rows for more than 10 s", null);
    }
    int below = after.isEmpty() ? people.size() : Integer.parseInt(after);
    List<PersonView> page = new ArrayList<>();
    int position = below;
    while (position > 0 && page.size() < limit) {
      position--;
      PersonView p = people.get(position);
      if (matches(query, p)) {
        page.add(p);
      }
    }
    boolean more = false;
    for (int i = position - 1; i >= 0 && !more; i--) {
      more = matches(query, people.get(i));
    }
    return new PeoplePage(page, more ? String.valueOf(position) : "");
  }

  private static boolean matches(PeopleQuery query, PersonView p) {
    if (query instanceof PeopleQuery.Identifier id) {
      return p.id().startsWith(id.text())
          || p.email().toLowerCase().startsWith(id.text().toLowerCase())
          || p.cioId().equals(id.text());
    }
    if (query instanceof PeopleQuery.AttributeEquals a) {
      return p.attributes().containsKey(a.name())
          && p.attributes().getString(a.name(), "").equals(a.value());
    }
    return true;
  }

  @Override
  public List<PersonView> findByPhoneNumber(WorkspaceId workspace, String number) {
    String digits = number.replaceAll("[^0-9]", "");
    return people.stream()
        .filter(
            p ->
                !digits.isEmpty()
                    && p.attributes()
                        .getString("phone", "")
                        .replaceAll("[^0-9]", "")
                        .equals(digits))
        .toList();
  }

  @Override
  public Optional<PersonView> find(WorkspaceId workspace, PersonRef ref) {
    return people.stream()
        .filter(
            p ->
                switch (ref.type()) {
                  case CIO_ID -> p.cioId().equals(ref.value());
                  case ID -> ref.value().equals(p.id());
                  case EMAIL -> ref.value().equalsIgnoreCase(p.email());
                  case PHONE -> throw new AssertionError("the console finds nobody by phone");
                })
        .findFirst();
  }

  @Override
  public boolean suppressed(WorkspaceId workspace, PersonRef ref) {
    return suppressed.contains(ref);
  }

  @Override
  public IdentifyResult identify(WorkspaceId workspace, PersonRef ref, JsonObject body) {
    throw new AssertionError("the console does not write people");
  }

  @Override
  public List<IdentifyAnswer> identifyAll(WorkspaceId workspace, List<IdentifyCall> calls) {
    throw new AssertionError("the console does not write people");
  }

  @Override
  public Optional<PersonView> findOrCreate(WorkspaceId workspace, PersonRef ref) {
    throw new AssertionError("the console does not write people");
  }

  @Override
  public Optional<PersonView> findByAnonymousId(WorkspaceId workspace, String anonymousId) {
    throw new AssertionError("not used by the console");
  }

  @Override
  public boolean delete(WorkspaceId workspace, PersonRef ref) {
    throw new AssertionError("the console does not write people");
  }

  @Override
  public void suppress(WorkspaceId workspace, PersonRef ref) {
    throw new AssertionError("the console does not write people");
  }

  @Override
  public boolean unsuppress(WorkspaceId workspace, PersonRef ref) {
    throw new AssertionError("the console does not write people");
  }

  @Override
  public MergeResult merge(WorkspaceId workspace, PersonRef primary, PersonRef secondary) {
    throw new AssertionError("the console does not write people");
  }

  @Override
  public java.util.List<io.herald.people.api.PersonChange> changes(
      WorkspaceId workspace, String cioId, int start, int limit) {
    return java.util.List.of();
  }

  @Override
  public io.herald.people.api.DeviceResult addDevice(
      WorkspaceId workspace, PersonRef ref, JsonObject device) {
    throw new AssertionError("the console never adds devices");
  }

  @Override
  public boolean deleteDevice(WorkspaceId workspace, PersonRef ref, String token) {
    throw new AssertionError("the console never deletes devices");
  }

  /** Devices by the cio_id they belong to. */
  public final Map<String, java.util.List<io.herald.people.api.DeviceView>> devices =
      new java.util.HashMap<>();

  @Override
  public java.util.List<io.herald.people.api.DeviceView> devices(
      WorkspaceId workspace, PersonRef ref) {
    return devices.getOrDefault(ref.value(), java.util.List.of());
  }

  @Override
  public Map<String, io.herald.people.api.PersonIdentifiers> lookup(
      WorkspaceId workspace,
      io.herald.people.api.IdType type,
      java.util.Collection<String> values) {
    Map<String, io.herald.people.api.PersonIdentifiers> found = new java.util.LinkedHashMap<>();
    for (String value : values) {
      people.stream()
          .filter(
              p ->
                  switch (type) {
                    case ID -> value.equals(p.id());
                    case EMAIL -> value.equalsIgnoreCase(p.email());
                    case CIO_ID -> value.equals(p.cioId());
                    case PHONE -> false;
                  })
          .findFirst()
          .ifPresent(
              p ->
                  found.put(
                      value,
                      new io.herald.people.api.PersonIdentifiers(p.cioId(), p.id(), p.email())));
    }
    return found;
  }

  @Override
  public java.util.List<PersonView> scan(WorkspaceId workspace, String afterCioId, int limit) {
    throw new AssertionError("not used by the console");
  }
}
