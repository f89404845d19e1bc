package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.IdentifyResult.Outcome;
import io.herald.people.api.PersonRef;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The identify group commit on a real MariaDB (embedded): {@link DefaultPeopleService#identify}
 * through its {@code GroupCommit} into {@link PersonWriter#identifyAll}. The first group is held
 * open before its commit, so the calls that arrive meanwhile queue and form the next group.
 */
class IdentifyGroupCommitIT extends PeopleDatabaseTest {

  @Test
  void concurrentIdentifiesOfDifferentPeopleAreCommittedTogetherAndAnsweredAfterTheCommit()
      throws Exception {
    Future<IdentifyResult> first = holdFirstGroup();
    List<Future<IdentifyResult>> calls = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      calls.add(identify("p" + i, Json.createObjectBuilder().add("plan", "basic").build()));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> service.identifies.queued() == 10);
    assertThat(calls).noneMatch(Future::isDone);
    assertThat(count("SELECT COUNT(*) FROM people_person WHERE workspace_id = ?"))
        .as("nothing is committed, so nothing is answered")
        .isZero();

    writer.gate.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CREATED);
    for (Future<IdentifyResult> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CREATED);
    }
    assertThat(writer.groups).hasSize(2);
    assertThat(writer.groups.get(1)).hasSize(10);
    assertThat(count("SELECT COUNT(*) FROM people_person WHERE workspace_id = ?")).isEqualTo(11);
    assertThat(
            count("SELECT COUNT(*) FROM people_change WHERE workspace_id = ? AND kind = 'created'"))
        .as("each person's change-feed row was committed with them")
        .isEqualTo(11);
  }

  @Test
  void identifiesOfOnePersonInOneGroupAreAppliedInArrivalOrder() throws Exception {
    Future<IdentifyResult> first = holdFirstGroup();
    List<Future<IdentifyResult>> calls = new ArrayList<>();
    String[] plans = {"a", "b", "c"};
    for (int i = 0; i < plans.length; i++) {
      JsonObject body = Json.createObjectBuilder().add("plan", plans[i]).build();
      calls.add(identify("same", i == 1 ? addEmail(body) : body));
      int queued = i + 1;
      await().atMost(Duration.ofSeconds(10)).until(() -> service.identifies.queued() == queued);
    }

    writer.gate.countDown();

    first.get(10, TimeUnit.SECONDS);
    assertThat(calls.get(0).get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(calls.get(1).get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(calls.get(2).get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(writer.groups).hasSize(2);
    assertThat(writer.groups.get(1)).hasSize(3);
    assertThat(personColumn("JSON_UNQUOTE(JSON_EXTRACT(attributes, '$.plan'))", "same"))
        .isEqualTo("c");
    assertThat(personColumn("email", "same")).isEqualTo("same@example.com");
    assertThat(changes("same"))
        .containsExactly(
            "created:{\"to\":\"a\"}",
            "attribute_change:{\"from\":\"a\",\"to\":\"b\"}",
            "attribute_change:{\"from\":\"b\",\"to\":\"c\"}");
  }

  @Test
  void aCallSeesThatAnEarlierCallOfItsGroupTookTheIdentifierAwayFromThePersonItNames()
      throws Exception {
    JsonObject body = Json.createObjectBuilder().add("plan", "basic").build();
    identify("old", body).get(10, TimeUnit.SECONDS);
    Future<IdentifyResult> first = holdFirstGroup();
    Future<IdentifyResult> rename =
        identify("old", Json.createObjectBuilder().add("id", "new").build());
    await().atMost(Duration.ofSeconds(10)).until(() -> service.identifies.queued() == 1);
    Future<IdentifyResult> again = identify("old", body);
    await().atMost(Duration.ofSeconds(10)).until(() -> service.identifies.queued() == 2);

    writer.gate.countDown();

    first.get(10, TimeUnit.SECONDS);
    assertThat(rename.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(again.get(10, TimeUnit.SECONDS).outcome())
        .as("\"old\" names nobody once the first call renamed its person")
        .isEqualTo(Outcome.CREATED);
    assertThat(writer.groups.get(writer.groups.size() - 1)).hasSize(2);
    assertThat(customerIds()).containsExactlyInAnyOrder("first", "new", "old");
  }

  @Test
  void aSuppressedIdentifierInAGroupWritesNothingForThatCallOnly() throws Exception {
    suppressEmail("gone@example.com");
    Future<IdentifyResult> first = holdFirstGroup();
    Future<IdentifyResult> suppressed =
        identify("s1", Json.createObjectBuilder().add("email", "Gone@Example.com").build());
    await().atMost(Duration.ofSeconds(10)).until(() -> service.identifies.queued() == 1);
    Future<IdentifyResult> other =
        identify("s2", Json.createObjectBuilder().add("email", "here@example.com").build());
    await().atMost(Duration.ofSeconds(10)).until(() -> service.identifies.queued() == 2);

    writer.gate.countDown();

    first.get(10, TimeUnit.SECONDS);
    assertThat(suppressed.get(10, TimeUnit.SECONDS).outcome())
        .isEqualTo(Outcome.SKIPPED_SUPPRESSED);
    assertThat(other.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(customerIds()).containsExactlyInAnyOrder("first", "s2");
  }

  @Test
  void aGroupAsksForSuppressionsOnlyAboutIdentifiersNobodyHoldsYet() throws Exception {
    writer.gate.countDown();
    identify("held", Json.createObjectBuilder().add("email", "held@example.com").build())
        .get(10, TimeUnit.SECONDS);
    assertThat(writer.suppressionsAsked)
        .as("a new person's identifiers")
        .containsExactly(
            new PersonRef(IdType.ID, "held"), new PersonRef(IdType.EMAIL, "held@example.com"));
    writer.suppressionsAsked.clear();

    identify("held", Json.createObjectBuilder().add("plan", "pro").build())
        .get(10, TimeUnit.SECONDS);
    identify("held", Json.createObjectBuilder().add("email", "HELD@example.com").build())
        .get(10, TimeUnit.SECONDS);
    assertThat(writer.suppressionsAsked).as("identifiers the person holds").isEmpty();

    suppressEmail("gone@example.com");
    IdentifyResult toSuppressed =
        identify("held", Json.createObjectBuilder().add("email", "Gone@Example.com").build())
            .get(10, TimeUnit.SECONDS);

    assertThat(writer.suppressionsAsked)
        .containsExactly(new PersonRef(IdType.EMAIL, "Gone@Example.com"));
    assertThat(toSuppressed.outcome()).isEqualTo(Outcome.SKIPPED_SUPPRESSED);
    assertThat(personColumn("email", "held"))
        .as("the case change stays")
        .isEqualTo("HELD@example.com");
  }

  @Test
  void aFailingIdentifyFailsAloneAndTheOthersOfItsGroupAreCommitted() throws Exception {
    Future<IdentifyResult> first = holdFirstGroup();
    JsonObject body = Json.createObjectBuilder().add("plan", "basic").build();
    Future<IdentifyResult> good1 = identify("good1", body);
    await().atMost(Duration.ofSeconds(10)).until(() -> service.identifies.queued() == 1);
    Future<IdentifyResult> bad = identify("poison", body);
    await().atMost(Duration.ofSeconds(10)).until(() -> service.identifies.queued() == 2);
    Future<IdentifyResult> good2 = identify("good2", body);
    await().atMost(Duration.ofSeconds(10)).until(() -> service.identifies.queued() == 3);

    writer.gate.countDown();

    first.get(10, TimeUnit.SECONDS);
    assertThat(good1.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(good2.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CREATED);
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasMessageContaining("poisoned row");
    assertThat(writer.groups.stream().map(List::size).toList())
        .as("the shared group failed, then each call was written alone")
        .containsExactly(1, 3, 1, 1, 1);
    assertThat(customerIds()).containsExactlyInAnyOrder("first", "good1", "good2");
  }

  /** Suppresses an email address the way the suppress call stores it: a row, lower-cased. */
  private void suppressEmail(String email) throws Exception {
    try (Connection c = connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO people_suppression (workspace_id, id_type, id_key, created_at)"
                    + " VALUES (?, 'EMAIL', ?, NOW(3))")) {
      insert.setLong(1, workspace);
      insert.setString(2, email);
      insert.executeUpdate();
    }
  }
}
