package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.json.Json;
import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The identify group's JDBC access to {@code people_person}: every column round-trips, a read finds
 * people by each identifier, and an update of a row another transaction changed since it was read
 * is refused as the entity's version check refuses it, leaving the batch's other rows as they were
 * once the transaction rolls back.
 */
class PersonTableIT extends PeopleDatabaseTest {

  private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.891Z");

  private final PersonTable table = new PersonTable();

  /** A connection as the transactional pool gives it: batches rewritten, no auto-commit. */
  private static Connection transaction() throws SQLException {
    Connection c =
        DriverManager.getConnection(
            database.jdbcUrl()
                + (database.jdbcUrl().contains("?") ? "&" : "?")
                + "rewriteBatchedStatements=true",
            database.user(),
            database.password());
    c.setAutoCommit(false);
    return c;
  }

  private static Person person(String id, String email, String phone) {
    Person p = new Person(workspace, "cio-" + id, CREATED);
    var body = Json.createObjectBuilder().add("id", id).add("plan", "basic");
    if (email != null) {
      body.add("email", email);
    }
    if (phone != null) {
      body.add("phone", phone);
    }
    p.apply(AttributeChanges.parse(body.build()), CREATED);
    return p;
  }

  /** Sets each person's plan to {@code plan}; the updates that write it. */
  private static List<PersonTable.Update> planned(List<PersonTable.Row> rows, String plan) {
    return rows.stream()
        .map(
            r -> {
              Person.Columns stored = r.person().columns();
              r.person()
                  .apply(
                      AttributeChanges.parse(Json.createObjectBuilder().add("plan", plan).build()),
                      Instant.now());
              return new PersonTable.Update(
                  r.person().id(), stored, r.person().columns(), r.version());
            })
        .toList();
  }

  @Test
  void everyColumnReadsBackAsInsertedAndEachIdentifierFindsThePerson() throws Exception {
    Person full = person("full", "Mixed.Case@Example.com", "+1 (415) 555-0100");
    full.apply(
        AttributeChanges.parse(Json.createObjectBuilder().add("unsubscribed", true).build()),
        CREATED.plusMillis(5));
    Person bare = person("bare", null, null);
    try (Connection c = transaction()) {
      table.insertAll(c, List.of(full.columns(), bare.columns()));
      c.commit();

      List<PersonTable.Row> rows =
          table.findAll(c, workspace, IdType.ID, List.of("full", "bare", "nobody"));
      assertThat(rows).extracting(PersonTable.Row::version).containsOnly(0L);
      assertThat(rows)
          .extracting(r -> r.person().columns())
          .containsExactlyInAnyOrder(full.columns(), bare.columns());
      assertThat(rows).allSatisfy(r -> assertThat(r.person().id()).isPositive());

      for (PersonRef ref :
          List.of(
              new PersonRef(IdType.EMAIL, "mixed.case@EXAMPLE.com"),
              new PersonRef(IdType.CIO_ID, "cio-full"),
              new PersonRef(IdType.PHONE, "+1 (415) 555-0100"))) {
        assertThat(table.find(c, workspace, ref))
            .as(ref.toString())
            .singleElement()
            .satisfies(r -> assertThat(r.person().columns()).isEqualTo(full.columns()));
      }
      assertThat(table.find(c, workspace, new PersonRef(IdType.ID, "nobody"))).isEmpty();
      c.commit();
    }
  }

  @Test
  void anUpdateOfARowChangedSinceItWasReadIsRefusedAndTheTransactionKeepsNothing()
      throws Exception {
    try (Connection c = transaction()) {
      table.insertAll(
          c,
          List.of(
              person("a", null, null).columns(),
              person("b", null, null).columns(),
              person("c", null, null).columns(),
              person("d", null, null).columns()));
      c.commit();
    }
    try (Connection c = transaction()) {
      List<PersonTable.Row> rows = table.findAll(c, workspace, IdType.ID, List.of("a", "b", "c"));
      // Another node's identify of "b" commits between this transaction's read and its writes.
      changedElsewhere("b", "plan", "\"other\"");
      List<PersonTable.Update> updates = planned(rows, "batched");

      assertThatThrownBy(() -> table.updateAll(c, updates))
          .isInstanceOf(OptimisticLockException.class)
          .hasMessageContaining("cio-b");
      c.rollback();
    }
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "a")).isEqualTo("basic");
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "b")).isEqualTo("other");
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "c")).isEqualTo("basic");
    assertThat(personColumn("version", "a")).isEqualTo("0");

    try (Connection c = transaction()) {
      List<PersonTable.Row> rows = table.findAll(c, workspace, IdType.ID, List.of("a", "d"));
      List<PersonTable.Update> updates = planned(rows, "fresh");
      table.updateAll(c, updates);
      c.commit();
    }
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "a")).isEqualTo("fresh");
    assertThat(personColumn("version", "d")).as("each write moves the version on").isEqualTo("1");
  }

  @Test
  void identifierChangesAndAttributeChangesOfOneBatchAreAllWrittenAndEachIsVersionChecked()
      throws Exception {
    try (Connection c = transaction()) {
      table.insertAll(
          c,
          List.of(
              person("giver", "shared@example.com", null).columns(),
              person("taker", null, null).columns(),
              person("plain", "plain@example.com", "+1 (415) 555-0101").columns()));
      c.commit();
    }
    try (Connection c = transaction()) {
      List<PersonTable.Row> rows =
          table.findAll(c, workspace, IdType.ID, List.of("giver", "taker", "plain"));
      PersonTable.Row giver = row(rows, "giver");
      PersonTable.Row taker = row(rows, "taker");
      PersonTable.Row plain = row(rows, "plain");
      // The giver frees its email and the taker takes it, in that order, in one batch; the third
      // person only gets an attribute, and keeps its identifiers.
      PersonTable.Update freed =
          changed(giver, Json.createObjectBuilder().addNull("email").add("plan", "free"));
      PersonTable.Update taken =
          changed(taker, Json.createObjectBuilder().add("email", "Shared@Example.com"));
      PersonTable.Update attributes =
          changed(plain, Json.createObjectBuilder().add("plan", "pro").add("unsubscribed", true));
      assertThat(freed.identifiersChanged()).isTrue();
      assertThat(taken.identifiersChanged()).isTrue();
      assertThat(attributes.identifiersChanged()).isFalse();

      table.updateAll(c, List.of(freed, taken, attributes));
      c.commit();
    }
    assertThat(personColumn("email", "giver")).isNull();
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "giver")).isEqualTo("free");
    assertThat(personColumn("email_key", "taker")).isEqualTo("shared@example.com");
    assertThat(personColumn("email", "taker")).isEqualTo("Shared@Example.com");
    assertThat(personColumn("JSON_VALUE(attributes, '$.plan')", "plain")).isEqualTo("pro");
    assertThat(personColumn("unsubscribed", "plain")).isEqualTo("1");
    assertThat(personColumn("email", "plain")).isEqualTo("plain@example.com");
    assertThat(personColumn("phone_e164", "plain")).isEqualTo("+14155550101");
    for (String id : List.of("giver", "taker", "plain")) {
      assertThat(personColumn("version", id)).as(id).isEqualTo("1");
    }

    try (Connection c = transaction()) {
      List<PersonTable.Row> rows = table.findAll(c, workspace, IdType.ID, List.of("taker"));
      PersonTable.Update renamed =
          changed(row(rows, "taker"), Json.createObjectBuilder().add("email", "new@example.com"));
      changedElsewhere("taker", "plan", "\"other\"");

      assertThatThrownBy(() -> table.updateAll(c, List.of(renamed)))
          .isInstanceOf(OptimisticLockException.class)
          .hasMessageContaining("cio-taker");
      c.rollback();
    }
    assertThat(personColumn("email", "taker")).isEqualTo("Shared@Example.com");
  }

  private static PersonTable.Row row(List<PersonTable.Row> rows, String id) {
    return rows.stream().filter(r -> id.equals(r.person().customerId())).findFirst().orElseThrow();
  }

  /** Applies {@code body} to the person read; the update that writes it. */
  private static PersonTable.Update changed(
      PersonTable.Row row, jakarta.json.JsonObjectBuilder body) {
    Person.Columns stored = row.person().columns();
    row.person().apply(AttributeChanges.parse(body.build()), Instant.now());
    return new PersonTable.Update(row.person().id(), stored, row.person().columns(), row.version());
  }
}
