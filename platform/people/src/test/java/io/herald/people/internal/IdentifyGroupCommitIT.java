package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.IdentifyResult.Outcome;
import io.herald.people.api.PersonRef;
import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identify group commit on a real MariaDB (embedded): {@link DefaultPeopleService#identify}
 * through its {@code GroupCommit} into {@link PersonWriter#identifyAll}, with the container's
 * {@code REQUIRES_NEW} transaction played by a local EntityManager transaction. The first group is
 * held open before its commit, so the calls that arrive meanwhile queue and form the next group.
 */
class IdentifyGroupCommitIT {

  private static TestDatabase database;
  private static EntityManagerFactory emf;
  private static long workspace = 100;

  private TransactionalWriter writer;
  private DefaultPeopleService service;
  private ExecutorService clients;

  @BeforeAll
  static void database() throws SQLException {
    Path work = Path.of(System.getProperty("herald.test.work-dir", "target/people-it"));
    database = TestDatabases.embedded(work.resolve("mariadb"));
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.user(), database.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      // A request the database refuses: the "bad request" of a group.
      s.execute(
          "CREATE TRIGGER people_person_poison BEFORE INSERT ON people_person FOR EACH ROW"
              + " IF NEW.customer_id = 'poison' THEN"
              + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'poisoned row'; END IF");
    }
    emf =
        Persistence.createEntityManagerFactory(
            "people-it",
            Map.of(
                "jakarta.persistence.jdbc.url", database.jdbcUrl(),
                "jakarta.persistence.jdbc.user", database.user(),
                "jakarta.persistence.jdbc.password", database.password()));
  }

  @AfterAll
  static void close() {
    emf.close();
    database.close();
  }

  @BeforeEach
  void service() {
    workspace++;
    writer = new TransactionalWriter();
    service = new DefaultPeopleService();
    service.writer = writer;
    service.writers = 1;
    service.maxPerCommit = 100;
    service.start();
    clients = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stop() {
    writer.gate.countDown();
    clients.shutdownNow();
  }

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
  void findAllGivesWhatFindGivesForEachRefInOneQueryPerIdentifierType() throws Exception {
    writer.gate.countDown();
    for (int i = 1; i <= 3; i++) {
      identify("f" + i, Json.createObjectBuilder().add("email", "F" + i + "@Example.com").build())
          .get(10, TimeUnit.SECONDS);
    }
    EntityManager em = emf.createEntityManager();
    try {
      service.people = new PersonRepository();
      service.people.em = em;
      WorkspaceId ws = new WorkspaceId(workspace);
      PersonRef byId = new PersonRef(IdType.ID, "f1");
      PersonRef byEmail = new PersonRef(IdType.EMAIL, "f2@EXAMPLE.com");
      String cioOf3 = service.find(ws, new PersonRef(IdType.ID, "f3")).orElseThrow().cioId();
      PersonRef byCioId = new PersonRef(IdType.CIO_ID, cioOf3);
      PersonRef missing = new PersonRef(IdType.ID, "nobody");
      PersonRef alsoF1 = new PersonRef(IdType.EMAIL, "f1@example.com");

      var found = service.findAll(ws, List.of(byId, byEmail, byCioId, missing, alsoF1));

      assertThat(found).containsOnlyKeys(byId, byEmail, byCioId, alsoF1);
      for (PersonRef ref : found.keySet()) {
        assertThat(found.get(ref)).isEqualTo(service.find(ws, ref).orElseThrow());
      }
      assertThat(found.get(byId).cioId()).isEqualTo(found.get(alsoF1).cioId());
      assertThat(found.get(byEmail).email()).isEqualTo("F2@Example.com");
      assertThat(service.findAll(ws, List.of())).isEmpty();
    } finally {
      em.close();
    }
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
    try (Connection c = connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO people_suppression (workspace_id, id_type, id_key, created_at)"
                    + " VALUES (?, 'EMAIL', 'gone@example.com', NOW(3))")) {
      insert.setLong(1, workspace);
      insert.executeUpdate();
    }
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

  /** Starts an identify whose group is held before its commit until the gate opens. */
  private Future<IdentifyResult> holdFirstGroup() {
    writer.holdNextGroup = true;
    Future<IdentifyResult> first =
        identify("first", Json.createObjectBuilder().add("plan", "basic").build());
    await().atMost(Duration.ofSeconds(10)).until(() -> writer.holding);
    return first;
  }

  private Future<IdentifyResult> identify(String id, JsonObject body) {
    return clients.submit(
        () -> service.identify(new WorkspaceId(workspace), new PersonRef(IdType.ID, id), body));
  }

  private static JsonObject addEmail(JsonObject body) {
    return Json.createObjectBuilder(body).add("email", "same@example.com").build();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = connect();
        PreparedStatement query = c.prepareStatement(sql)) {
      query.setLong(1, workspace);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> customerIds() throws SQLException {
    try (Connection c = connect();
        PreparedStatement query =
            c.prepareStatement("SELECT customer_id FROM people_person WHERE workspace_id = ?")) {
      query.setLong(1, workspace);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  private static String personColumn(String expression, String customerId) throws SQLException {
    try (Connection c = connect();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT "
                    + expression
                    + " FROM people_person WHERE workspace_id = ? AND customer_id = ?")) {
      query.setLong(1, workspace);
      query.setString(2, customerId);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** The person's change-feed rows in feed (id) order, as {@code kind:plan change}. */
  private static List<String> changes(String customerId) throws SQLException {
    try (Connection c = connect();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT ch.kind, JSON_EXTRACT(ch.data, '$.attributes.plan') FROM people_change ch"
                    + " JOIN people_person p ON p.workspace_id = ch.workspace_id"
                    + " AND p.cio_id = ch.person_cio_id"
                    + " WHERE p.workspace_id = ? AND p.customer_id = ? ORDER BY ch.id")) {
      query.setLong(1, workspace);
      query.setString(2, customerId);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + ":" + rs.getString(2).replace(" ", ""));
        }
      }
      return rows;
    }
  }

  /**
   * The writer with the container's transaction replaced by a local one per group, recording each
   * group it is given; it can hold one group open before its commit.
   */
  private static final class TransactionalWriter extends PersonWriter {
    final List<List<IdentifyRequest>> groups = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch gate = new CountDownLatch(1);
    volatile boolean holdNextGroup;
    volatile boolean holding;

    TransactionalWriter() {
      people = new PersonRepository();
      suppressions = new SuppressionRepository();
      devices = new DeviceRepository();
      anonymousIds = new AnonymousIdRepository();
      changeLog = new ChangeLog();
      merged = new IgnoredEvent<>();
      anonymousLinked = new IgnoredEvent<>();
      deleted = new IgnoredEvent<>();
      clock = Clock.systemUTC();
    }

    @Override
    public List<IdentifyResult> identifyAll(List<IdentifyRequest> requests) {
      groups.add(List.copyOf(requests));
      EntityManager em = emf.createEntityManager();
      people.em = em;
      suppressions.em = em;
      devices.em = em;
      anonymousIds.em = em;
      changeLog.em = em;
      em.getTransaction().begin();
      try {
        List<IdentifyResult> results = super.identifyAll(requests);
        if (holdNextGroup) {
          holdNextGroup = false;
          holding = true;
          gate.await(30, TimeUnit.SECONDS);
        }
        em.getTransaction().commit();
        return results;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
    }
  }
}
