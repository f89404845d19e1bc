package io.herald.messaging.internal;

import io.herald.messaging.api.EmailSend;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.CountingDataSource;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The enqueue side wired by hand on the test database, for the enqueue ITs: a {@link
 * DefaultMessageService} in a fresh workspace, with its {@link DeliveryWriter} on a {@link
 * CountingDataSource}, and people who exist for every id. {@link #close} deletes the workspace's
 * deliveries.
 */
final class EnqueueFixture implements AutoCloseable {

  final DataSource database;
  final Instant now;
  final CountingDataSource dataSource;
  final WorkspaceId workspace;
  final DeliveryWriter writer;
  final DefaultMessageService service;

  EnqueueFixture(DataSource database, Instant now) {
    this.database = database;
    this.now = now;
    workspace = new WorkspaceId(MigratedTestDatabase.freshWorkspace());
    dataSource = new CountingDataSource(database);
    writer = new DeliveryWriter();
    writer.dataSource = dataSource;
    writer.writers = 2;
    writer.maxRowsPerCommit = 1000;
    writer.start();
    EmailComposer composer = new EmailComposer();
    composer.links =
        TrackingLinks.of("k".repeat(32).getBytes(StandardCharsets.UTF_8), "http://h.test");
    StoredContent content = new StoredContent();
    content.snippets = new DefaultSnippets();
    content.snippets.dataSource = dataSource;
    content.snippets.composer = composer;
    content.layouts = new DefaultLayouts();
    content.layouts.dataSource = dataSource;
    content.layouts.composer = composer;
    DefaultTransactionals transactionals = new DefaultTransactionals();
    transactionals.dataSource = dataSource;
    SendPreparer preparer = new SendPreparer();
    preparer.dataSource = dataSource;
    preparer.people = people();
    preparer.transactionals = transactionals;
    preparer.composer = composer;
    preparer.content = content;
    preparer.clock = Clock.fixed(now, ZoneOffset.UTC);
    service = new DefaultMessageService();
    service.dataSource = dataSource;
    service.people = preparer.people;
    service.transactionals = transactionals;
    service.composer = composer;
    service.content = content;
    service.workers = new MessagingWorkers(); // not started: wake does nothing
    service.clock = preparer.clock;
    service.writer = writer;
    service.preparer = preparer;
    service.traffic = new TransactionalTraffic();
    service.settings = new MessagingSettings(); // bulk-yield-millis 0: never waits
    service.start();
  }

  @Override
  public void close() {
    TestDeliveries.deleteAll(database, workspace.value());
  }

  /** People who exist with {@code <id>@x.io}, except ids starting with "nomail" (no email). */
  private static PeopleService people() {
    return (PeopleService)
        Proxy.newProxyInstance(
            PeopleService.class.getClassLoader(),
            new Class<?>[] {PeopleService.class},
            (proxy, method, args) -> {
              if (method.getName().equals("findAll")) {
                return Map.of(); // nobody found at once: each entry's person is findOrCreate'd
              }
              if (!method.getName().equals("findOrCreate")) {
                throw new AssertionError("unexpected PeopleService." + method.getName());
              }
              String id = ((PersonRef) args[1]).value();
              return Optional.of(
                  new PersonView(
                      "cio" + id,
                      id,
                      id.startsWith("nomail") ? null : id + "@x.io",
                      Jsons.createObjectBuilder().build(),
                      Map.of(),
                      false,
                      Instant.EPOCH,
                      Instant.EPOCH));
            });
  }

  static EmailSend inline(String personId, String messageId) {
    return new EmailSend(
        messageId,
        new PersonRef(IdType.ID, personId),
        null,
        Map.of("n", personId),
        messageId == null ? "shop@x.io" : null,
        null,
        messageId == null ? "Hi {{ customer.id }}" : null,
        null,
        messageId == null ? "<p>Order {{ trigger.n }}</p>" : null,
        null,
        Map.of(),
        List.of(),
        null,
        false,
        null,
        false,
        false,
        List.of(),
        List.of(),
        false);
  }

  /** A transactional row of this workspace, due an hour from now. */
  DeliveryWriter.Row row(String deliveryId) {
    return TestDeliveries.row(workspace.value(), deliveryId, now, null);
  }

  /** The lane of each of the workspace's deliveries. */
  List<String> lanes() {
    return Transactions.autoCommit(
        database,
        "test",
        c -> {
          List<String> lanes = new ArrayList<>();
          try (var q =
              c.prepareStatement("SELECT lane FROM messaging_delivery WHERE workspace_id = ?")) {
            q.setLong(1, workspace.value());
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                lanes.add(rs.getString(1));
              }
            }
          }
          return lanes;
        });
  }
}
