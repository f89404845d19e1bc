package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonDeleted;
import io.herald.people.api.PersonRef;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Deleting and suppressing a person announce {@link PersonDeleted}; deleting nobody does not. */
class PersonWriterTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, Person> stored = new HashMap<>();
  private final List<PersonDeleted> fired = new ArrayList<>();
  private final PersonWriter writer = new PersonWriter();

  PersonWriterTest() {
    writer.people =
        new PersonRepository() {
          @Override
          Optional<Person> find(long workspaceId, PersonRef ref) {
            return Optional.ofNullable(stored.get(ref.value()));
          }

          @Override
          void remove(Person person) {
            stored.values().remove(person);
          }
        };
    writer.suppressions =
        new SuppressionRepository() {
          @Override
          void suppress(long workspaceId, PersonRef ref, Instant now) {}
        };
    writer.anonymousIds =
        new AnonymousIdRepository() {
          @Override
          void forget(long workspaceId, String cioId) {}
        };
    writer.deleted = new Recording<>(fired);
    writer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private void store(String id, String cioId) {
    Person person = new Person(7, cioId, NOW);
    person.apply(
        AttributeChanges.parse(jakarta.json.Json.createObjectBuilder().add("id", id).build()), NOW);
    stored.put(id, person);
  }

  @Test
  void deleteAnnouncesTheDeletedPerson() {
    store("42", "c42");
    assertThat(writer.delete(7, new PersonRef(IdType.ID, "42"))).isTrue();
    assertThat(fired).containsExactly(new PersonDeleted(new WorkspaceId(7), "c42"));

    assertThat(writer.delete(7, new PersonRef(IdType.ID, "nobody"))).isFalse();
    assertThat(fired).hasSize(1);
  }

  @Test
  void suppressAnnouncesTheDeletedPersonOnlyWhenOneExisted() {
    store("43", "c43");
    writer.suppress(7, new PersonRef(IdType.ID, "43"));
    assertThat(fired).containsExactly(new PersonDeleted(new WorkspaceId(7), "c43"));
    writer.suppress(7, new PersonRef(IdType.ID, "nobody"));
    assertThat(fired).hasSize(1);
  }

  /** An {@link Event} that records what is fired. */
  private record Recording<T>(List<T> fired) implements Event<T> {
    @Override
    public void fire(T event) {
      fired.add(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
      throw new AssertionError("not used");
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      throw new AssertionError("not used");
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
      throw new AssertionError("not used");
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new AssertionError("not used");
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new AssertionError("not used");
    }
  }
}
