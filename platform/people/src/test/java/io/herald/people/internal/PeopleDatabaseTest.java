package io.herald.people.internal;

import static org.awaitility.Awaitility.await;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.herald.people.api.IdType;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.PersonRef;
import io.herald.testing.PersistenceUnits;
import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the people service's tests on a real MariaDB (embedded, one per class): {@link
 * DefaultPeopleService} with its {@code GroupCommit} into {@link PersonWriter#identifyAll}, the
 * container's {@code REQUIRES_NEW} transaction played by a local EntityManager transaction ({@link
 * TransactionalWriter}, which can hold a group open before its commit), a workspace of its own per
 * test, and readers of the rows.
 */
abstract class PeopleDatabaseTest {

  static TestDatabase database;
  static EntityManagerFactory emf;
  static long workspace = 100;

  TransactionalWriter writer;
  DefaultPeopleService service;
  ExecutorService clients;

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
    // The container's unit "people" with local transactions: its production properties apply.
    Map<String, String> properties = new HashMap<>(PersistenceUnits.properties("people"));
    // The container's transactional pool rewrites JDBC batches (StartupSequence): the unit's
    // batched UPDATEs go out as one multi-statement round trip, as in production.
    properties.put(
        "jakarta.persistence.jdbc.url",
        database.jdbcUrl()
            + (database.jdbcUrl().contains("?") ? "&" : "?")
            + "rewriteBatchedStatements=true");
    properties.put("jakarta.persistence.jdbc.user", database.user());
    properties.put("jakarta.persistence.jdbc.password", database.password());
    emf = Persistence.createEntityManagerFactory("people-it", properties);
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

  /** Starts an identify whose group is held before its commit until the gate opens. */
  Future<IdentifyResult> holdFirstGroup() {
    writer.holdNextGroup = true;
    Future<IdentifyResult> first =
        identify("first", Json.createObjectBuilder().add("plan", "basic").build());
    await().atMost(Duration.ofSeconds(10)).until(() -> writer.holding);
    return first;
  }

  Future<IdentifyResult> identify(String id, JsonObject body) {
    return clients.submit(
        () -> service.identify(new WorkspaceId(workspace), new PersonRef(IdType.ID, id), body));
  }

  static JsonObject addEmail(JsonObject body) {
    return Json.createObjectBuilder(body).add("email", "same@example.com").build();
  }

  /**
   * The repository as the container wires it for reads: {@code em} for its JPA queries, a plain
   * datasource on the test database for its JDBC ones.
   */
  static PersonRepository repository(EntityManager em) {
    PersonRepository repository = new PersonRepository();
    repository.em = em;
    MysqlDataSource plain = new MysqlDataSource();
    plain.setUrl(database.jdbcUrl());
    plain.setUser(database.user());
    plain.setPassword(database.password());
    repository.dataSource = plain;
    return repository;
  }

  /**
   * A DataSource handing out the EntityManager's own connection in its transaction (closing it
   * leaves it open), as the container's JTA datasource joins the group's transaction.
   */
  static DataSource sharing(EntityManager em) {
    Connection shared = em.unwrap(Connection.class);
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    method.getName().equals("close") ? null : invoke(shared, method, args));
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return unclosable;
              }
              throw new IllegalStateException("not used by the writer: " + method.getName());
            });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  /**
   * Another node's identify of {@code customerId} that sets attribute {@code name} to the JSON
   * {@code value} and moves the row's version on, committed at once.
   */
  static void changedElsewhere(String customerId, String name, String value) throws SQLException {
    try (Connection c = connect();
        PreparedStatement concurrent =
            c.prepareStatement(
                "UPDATE people_person SET version = version + 1,"
                    + " attributes = JSON_SET(attributes, CONCAT('$.', ?), JSON_EXTRACT(?, '$'))"
                    + " WHERE workspace_id = ? AND customer_id = ?")) {
      concurrent.setString(1, name);
      concurrent.setString(2, value);
      concurrent.setLong(3, workspace);
      concurrent.setString(4, customerId);
      if (concurrent.executeUpdate() != 1) {
        throw new IllegalStateException("nobody with id " + customerId);
      }
    }
  }

  static long count(String sql) throws SQLException {
    try (Connection c = connect();
        PreparedStatement query = c.prepareStatement(sql)) {
      query.setLong(1, workspace);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static List<String> customerIds() throws SQLException {
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

  static String personColumn(String expression, String customerId) throws SQLException {
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
  static List<String> changes(String customerId) throws SQLException {
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
  static final class TransactionalWriter extends PersonWriter {
    final List<List<IdentifyRequest>> groups = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch gate = new CountDownLatch(1);
    volatile boolean holdNextGroup;
    volatile boolean holding;

    /** Every identifier the writer asked the suppressions about, in order. */
    final List<PersonRef> suppressionsAsked = Collections.synchronizedList(new ArrayList<>());

    TransactionalWriter() {
      people = new PersonRepository();
      table = new PersonTable();
      suppressions =
          new SuppressionRepository() {
            @Override
            List<PersonRef> suppressedAmong(long workspaceId, List<PersonRef> refs) {
              suppressionsAsked.addAll(refs);
              return super.suppressedAmong(workspaceId, refs);
            }
          };
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
      suppressions.dataSource = sharing(em);
      table.dataSource = sharing(em);
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
