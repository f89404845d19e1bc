package io.herald.messaging.internal;

import io.herald.messaging.api.EmailSend;
import io.herald.testing.CountingDataSource;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The set-up the enqueue ITs share: an {@link EnqueueFixture} per test, closed after it. */
abstract class EnqueueITSupport {

  static DataSource database;

  final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  EnqueueFixture fixture;
  CountingDataSource dataSource;
  WorkspaceId workspace;
  DeliveryWriter writer;
  DefaultMessageService service;

  @BeforeAll
  static void open() {
    database = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void service() {
    fixture = new EnqueueFixture(database, now);
    dataSource = fixture.dataSource;
    workspace = fixture.workspace;
    writer = fixture.writer;
    service = fixture.service;
  }

  @AfterEach
  void forget() {
    fixture.close();
  }

  static EmailSend inline(String personId, String messageId) {
    return EnqueueFixture.inline(personId, messageId);
  }

  List<String> lanes() {
    return fixture.lanes();
  }
}
