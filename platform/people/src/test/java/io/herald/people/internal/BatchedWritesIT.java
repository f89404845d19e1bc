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
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The people unit writes with JDBC batch writing ({@code persistence.xml}) on a pool that rewrites
 * batches ({@code rewriteBatchedStatements}): a group's person UPDATEs reach the server in one
 * round trip. What must still hold: a row changed by another transaction meanwhile is noticed (the
 * version check counts each statement's rows), and people created in the group (IDENTITY keys,
 * never batched) keep their own keys when a later call of the group updates them.
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
      try (Connection c = connect();
          PreparedStatement concurrent =
              c.prepareStatement(
                  "UPDATE people_person SET version = version + 1,"
                      + " attributes = JSON_SET(attributes, '$.plan', 'other')"
                      + " WHERE workspace_id = ? AND customer_id = 'c'")) {
        concurrent.setLong(1, workspace);
        assertThat(concurrent.executeUpdate()).isEqualTo(1);
      }

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
}
