package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyAnswer;
import io.herald.people.api.IdentifyCall;
import io.herald.people.api.IdentifyResult.Outcome;
import io.herald.people.api.PersonRef;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writes of many people at once on a pool that rewrites batches ({@code rewriteBatchedStatements}):
 * the people unit's JDBC batch writing ({@code persistence.xml}, for merges and deletes) and the
 * identify group's own batches ({@link PersonTable}) reach the server in one round trip each. What
 * must still hold: a row changed by another transaction meanwhile is noticed (the version check
 * counts each statement's rows) and the group is written again from what is stored then; a person
 * another transaction created first is updated, not created twice; and people created in the group
 * are updated on their own rows by a later call of the group.
 */
class BatchedWritesIT extends PeopleDatabaseTest {

  private static JsonObject plan(String plan) {
    return Json.createObjectBuilder().add("plan", plan).build();
  }

  private static IdentifyCall call(String id, String plan) {
    return new IdentifyCall(new PersonRef(IdType.ID, id), plan(plan));
  }

  @Test
  void aBatchOfUpdatesOneOfWhichFindsItsRowChangedMeanwhileCommitsNothing() throws Exception {
    writer.gate.countDown();
    service.identifyAll(
        new WorkspaceId(workspace),
        List.of(call("a", "basic"), call("b", "basic"), call("c", "basic"), call("d", "basic")));

    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      PersonRepository people = repository(em);
      // Read all four first: a JPQL lookup flushes the changes made before it.
      List<Person> four = people.findAll(workspace, IdType.ID, List.of("a", "b", "c", "d"));
      assertThat(four).hasSize(4);
      four.forEach(p -> p.apply(AttributeChanges.parse(plan("batched")), Instant.now()));
      // Another node's identify of "c" commits between this transaction's read and its writes.
      changedElsewhere("c", "plan", "\"other\"");

      assertThatThrownBy(() -> em.getTransaction().commit())
          .isInstanceOf(RollbackException.class)
          .hasCauseInstanceOf(OptimisticLockException.class)
          // 5011 is the batch's count check ("one or more objects"); one statement at a time
          // would fail with 5003 on the stale object alone.
          .hasMessageContaining("EclipseLink-5011");
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }

    assertThat(List.of("a", "b", "d"))
        .as("the statements of the batch before and after the stale one are rolled back too")
        .allSatisfy(
            id ->
                assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", id))
                    .isEqualTo("basic"));
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "c")).isEqualTo("other");
  }

  @Test
  void aGroupLongerThanABatchCreatesAndUpdatesEachPersonOnItsOwnRow() throws Exception {
    writer.gate.countDown();
    List<IdentifyCall> existing = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      existing.add(call("old" + i, "basic"));
    }
    service.identifyAll(new WorkspaceId(workspace), existing);

    // 600 calls, more than one batch (256): updates of existing people, people created here, and
    // second calls for those, whose UPDATE needs the key the create was given.
    List<IdentifyCall> calls = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      calls.add(call("old" + i, "pro" + i));
      calls.add(call("new" + i, "basic"));
    }
    for (int i = 0; i < 150; i++) {
      calls.add(call("new" + i, "gold" + i));
      calls.add(call("old" + i, "gold" + i));
    }
    List<IdentifyAnswer> answers = service.identifyAll(new WorkspaceId(workspace), calls);

    assertThat(writer.groups.get(writer.groups.size() - 1)).hasSize(600);
    assertThat(answers.stream().filter(a -> a.result().outcome() == Outcome.CREATED)).hasSize(150);
    assertThat(answers.stream().filter(a -> a.result().outcome() == Outcome.UPDATED)).hasSize(450);
    assertThat(count("SELECT COUNT(*) FROM people_person WHERE workspace_id = ?")).isEqualTo(300);
    for (int i = 0; i < 150; i++) {
      assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "new" + i)).isEqualTo("gold" + i);
      assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "old" + i)).isEqualTo("gold" + i);
      assertThat(personColumn("JSON_VALUE(attributes, '$.id')", "new" + i)).isEqualTo("new" + i);
    }
    assertThat(
            count(
                "SELECT COUNT(*) FROM people_change WHERE workspace_id = ?"
                    + " AND kind = 'attribute_change'"))
        .isEqualTo(450);
  }

  @Test
  void aGroupWhosePersonAnotherTransactionChangedSinceItsReadIsWrittenAgainKeepingBothChanges()
      throws Exception {
    writer.gate.countDown();
    service.identifyAll(
        new WorkspaceId(workspace), List.of(call("a", "basic"), call("b", "basic")));
    AtomicBoolean raced = new AtomicBoolean();
    writer.table =
        new PersonTable() {
          @Override
          void updateAll(Connection c, List<Update> people) {
            if (raced.compareAndSet(false, true)) {
              // Another node's identify of "b" commits between this group's read and its write.
              try {
                changedElsewhere("b", "seats", "5");
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            }
            super.updateAll(c, people);
          }
        };
    int groupsBefore = writer.groups.size();

    List<IdentifyAnswer> answers =
        service.identifyAll(
            new WorkspaceId(workspace), List.of(call("a", "pro"), call("b", "pro")));

    assertThat(raced).isTrue();
    assertThat(answers)
        .allSatisfy(a -> assertThat(a.result().outcome()).isEqualTo(Outcome.UPDATED));
    assertThat(writer.groups.size() - groupsBefore).as("the group, then again").isGreaterThan(1);
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "a")).isEqualTo("pro");
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "b")).isEqualTo("pro");
    assertThat(personColumn("JSON_VALUE(attributes, '$.seats')", "b")).isEqualTo("5");
    assertThat(
            count(
                "SELECT COUNT(*) FROM people_change WHERE workspace_id = ?"
                    + " AND kind = 'attribute_change'"))
        .as("one change row each: the failed write's rows were rolled back")
        .isEqualTo(2);
  }

  @Test
  void aPersonAnotherTransactionCreatedFirstIsUpdatedNotCreatedTwice() throws Exception {
    writer.gate.countDown();
    AtomicBoolean raced = new AtomicBoolean();
    writer.table =
        new PersonTable() {
          @Override
          void insertAll(Connection c, List<Person.Columns> people) {
            if (!people.isEmpty() && raced.compareAndSet(false, true)) {
              // Another node creates the same person between this group's read and its write.
              Person first = new Person(workspace, "cio-first", Instant.now());
              first.apply(
                  AttributeChanges.parse(
                      Json.createObjectBuilder().add("id", "racer").add("seats", 5).build()),
                  Instant.now());
              try (Connection other = connect()) {
                new PersonTable().insertAll(other, List.of(first.columns()));
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            }
            super.insertAll(c, people);
          }
        };

    List<IdentifyAnswer> answers =
        service.identifyAll(new WorkspaceId(workspace), List.of(call("racer", "pro")));

    assertThat(raced).isTrue();
    assertThat(answers)
        .singleElement()
        .satisfies(a -> assertThat(a.result().outcome()).isEqualTo(Outcome.UPDATED))
        .satisfies(a -> assertThat(a.result().cioId()).isEqualTo("cio-first"));
    assertThat(count("SELECT COUNT(*) FROM people_person WHERE workspace_id = ?")).isEqualTo(1);
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "racer")).isEqualTo("pro");
    assertThat(personColumn("JSON_VALUE(attributes, '$.seats')", "racer")).isEqualTo("5");
  }
}
