package io.herald.app.startup;

import io.herald.shared.lifecycle.DatabaseReady;
import io.herald.shared.persistence.DataSources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings a node up in order: secret key, migrations, then {@link DatabaseReady} (modules start:
 * scheduler), then the first-start bootstrap (with the embedded database, its workspace also gets
 * the {@link DevOutboxChannel}). Any failure is recorded in {@link StartupState}, so readiness
 * stays DOWN; Payara keeps running a failed startup bean's app (STACK-NOTES pitfall 8).
 *
 * <p>Connection settings come from MicroProfile Config ({@code herald.db.*}, or {@code HERALD_DB_*}
 * in the environment). The launcher sets them to the embedded MariaDB when no external database is
 * configured.
 */
@DataSourceDefinition(
    name = DataSources.TRANSACTIONAL,
    className = "com.mysql.cj.jdbc.MysqlDataSource",
    url = "${MPCONFIG=herald.db.url}",
    user = "${MPCONFIG=herald.db.user}",
    password = "${MPCONFIG=herald.db.password}",
    transactional = true,
    minPoolSize = 2,
    maxPoolSize = 32,
    // openTelemetry=DISABLED on every pool: Connector/J otherwise wraps every statement in an
    // OpenTelemetry span whenever Payara has the API on the classpath, though Herald exports none.
    // rewriteBatchedStatements: the people module's JDBC batches (the identify group's UPDATEs,
    // PersonTable; batch writing, persistence.xml) go out as one multi-statement command each.
    // prepStmtCacheSqlLimit: the driver builds that command's text per batch size; up to 16 of
    // the group's UPDATEs (PersonTable.UPDATES_PER_BATCH, ~5.4 KB) and the change feed's
    // multi-row inserts (up to 256 rows, ~4.3 KB) stay parsed.
    properties = {
      "rewriteBatchedStatements=true",
      "cachePrepStmts=true",
      "prepStmtCacheSize=250",
      "prepStmtCacheSqlLimit=8192",
      "openTelemetry=DISABLED"
    })
@DataSourceDefinition(
    name = DataSources.NON_TRANSACTIONAL,
    className = "com.mysql.cj.jdbc.MysqlDataSource",
    url = "${MPCONFIG=herald.db.url}",
    user = "${MPCONFIG=herald.db.user}",
    password = "${MPCONFIG=herald.db.password}",
    transactional = false,
    minPoolSize = 1,
    maxPoolSize = 16,
    // READ COMMITTED by default: Transactions (nearly every user of this pool) works in it and set
    // it, then set REPEATABLE READ back, on every unit of work: two round trips each, a quarter of
    // the statements the server saw during bench/send. Direct users read in auto-commit mode or
    // set their own level.
    isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
    // useLocalSessionState: Transactions reads and sets the isolation level and auto-commit around
    // every unit of work; the driver then answers reads and unchanged sets from what it last sent
    // instead of a round trip each (nothing here changes them through SQL).
    properties = {
      "cachePrepStmts=true",
      "prepStmtCacheSize=250",
      "prepStmtCacheSqlLimit=2048",
      "useLocalSessionState=true",
      "openTelemetry=DISABLED"
    })
@DataSourceDefinition(
    name = DataSources.INGEST,
    className = "com.mysql.cj.jdbc.MysqlDataSource",
    url = "${MPCONFIG=herald.db.url}",
    user = "${MPCONFIG=herald.db.user}",
    password = "${MPCONFIG=herald.db.password}",
    transactional = false,
    minPoolSize = 1,
    maxPoolSize = 8,
    isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
    // The events writer's multi-row inserts (MultiRowInsert: 1 to 256 rows, up to ~7 KB of text)
    // stay parsed in the statement cache, whose default keeps statements of 256 characters at most.
    // A writer blocked by a concurrent duplicate key gives up after 5 s, not InnoDB's 50: set once
    // per connection rather than by a statement per group commit.
    properties = {
      "rewriteBatchedStatements=true",
      "cachePrepStmts=true",
      "prepStmtCacheSize=100",
      "prepStmtCacheSqlLimit=8192",
      "useLocalSessionState=true",
      "sessionVariables=innodb_lock_wait_timeout=5",
      "openTelemetry=DISABLED"
    })
// The bulk lane's sending loops (nice 19) get connections from a pool of their own: in one pool
// with the requests, a request waited up to 1.2 s on the pool's lock while a preempted bulk loop
// thread held it (bench/send T7, JFR). Same settings as the non-transactional pool.
@DataSourceDefinition(
    name = DataSources.BULK,
    className = "com.mysql.cj.jdbc.MysqlDataSource",
    url = "${MPCONFIG=herald.db.url}",
    user = "${MPCONFIG=herald.db.user}",
    password = "${MPCONFIG=herald.db.password}",
    transactional = false,
    minPoolSize = 1,
    maxPoolSize = 16,
    isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
    properties = {
      "cachePrepStmts=true",
      "prepStmtCacheSize=250",
      "prepStmtCacheSqlLimit=2048",
      "useLocalSessionState=true",
      "openTelemetry=DISABLED"
    })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupSequence {

  private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource nonTransactional;

  @Inject StartupState state;

  @Inject SecretKeys secretKeys;

  @Inject Migrations migrations;

  @Inject Event<DatabaseReady> databaseReady;

  @Inject FirstStart firstStart;

  @Inject DevOutboxChannel devOutbox;

  @PostConstruct
  void start() {
    try {
      secretKeys.ensure();
      String vendor = migrations.migrate(nonTransactional);
      state.migrated(vendor);
      databaseReady.fire(new DatabaseReady(vendor));
      firstStart.run().ifPresent(created -> devOutbox.setUp(created.workspace().id()));
      state.started();
      LOG.info("Herald started (database: " + vendor + ")");
    } catch (RuntimeException e) {
      state.failed(e);
      LOG.log(Level.SEVERE, "Herald failed to start; /health/ready stays DOWN", e);
    }
  }
}
