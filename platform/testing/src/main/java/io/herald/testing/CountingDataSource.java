package io.herald.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real datasource whose connections count what reaches the database, for tests of how many
 * statements and commits the code needs: every commit ({@code commit()}, or {@code
 * setAutoCommit(true)} out of a transaction, which commits it), every statement executed (each
 * {@code execute*} call) and every write statement ({@code INSERT}, {@code UPDATE}, {@code DELETE},
 * {@code REPLACE}) run in auto-commit mode (each a transaction of its own). It can also refuse
 * statements whose SQL matches a predicate (a database error in the middle of a transaction) and
 * hold connections back until the test lets them through.
 */
public final class CountingDataSource implements DataSource {

  private final DataSource real;
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger autoCommitWrites = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile Predicate<String> refused = sql -> false;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  /** Counts what goes through {@code real}. */
  public CountingDataSource(DataSource real) {
    this.real = real;
  }

  /** Commits ({@code commit()}, or a return to auto-commit) since the last reset. */
  public int commits() {
    return commits.get();
  }

  /** What reached the database as a commit: {@link #commits()} plus auto-commit writes. */
  public int commitsWithAutoCommitWrites() {
    return commits.get() + autoCommitWrites.get();
  }

  /** Statements executed (every {@code execute*} call) since the last reset. */
  public int statements() {
    return statements.get();
  }

  /** Sets the counts back to zero. */
  public void reset() {
    commits.set(0);
    statements.set(0);
    autoCommitWrites.set(0);
  }

  /**
   * From now on, preparing or executing SQL that matches {@code sql} throws an {@link
   * SQLException}; {@code sql -> false} refuses nothing again.
   */
  public void refuse(Predicate<String> sql) {
    refused = sql;
  }

  /**
   * From now on, {@code getConnection()} waits until {@code gate} is open (a connection asked for
   * before keeps waiting on the gate it found).
   */
  public void gate(CountDownLatch gate) {
    this.gate = gate;
  }

  /** Callers waiting at the {@link #gate} now. */
  public int waiting() {
    return waiting.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    CountDownLatch g = gate;
    waiting.incrementAndGet();
    try {
      g.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted", e);
    } finally {
      waiting.decrementAndGet();
    }
    return counting(real.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return counting(real.getConnection(user, password));
  }

  private Connection counting(Connection c) {
    return proxy(
        Connection.class,
        (p, method, args) -> {
          if (method.getName().equals("commit")
              || (method.getName().equals("setAutoCommit")
                  && Boolean.TRUE.equals(args[0])
                  && !c.getAutoCommit())) {
            commits.incrementAndGet();
          }
          String sql = sql(args);
          if (method.getName().startsWith("prepare") && sql != null) {
            check(sql);
          }
          Object result = invoke(c, method, args);
          return result instanceof Statement s ? statement(s, c, sql) : result;
        });
  }

  private Statement statement(Statement s, Connection c, String prepared) {
    Class<? extends Statement> type =
        s instanceof CallableStatement
            ? CallableStatement.class
            : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    return proxy(
        type,
        (p, method, args) -> {
          if (method.getName().startsWith("execute")) {
            String sql = prepared != null ? prepared : sql(args);
            if (prepared == null && sql != null) {
              check(sql);
            }
            statements.incrementAndGet();
            if (sql != null && isWrite(sql) && c.getAutoCommit()) {
              autoCommitWrites.incrementAndGet();
            }
          }
          return invoke(s, method, args);
        });
  }

  private void check(String sql) throws SQLException {
    if (refused.test(sql)) {
      throw new SQLException("refused by the test: " + sql);
    }
  }

  private static String sql(Object[] args) {
    return args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
  }

  private static boolean isWrite(String sql) {
    String head = sql.stripLeading().toUpperCase(Locale.ROOT);
    return head.startsWith("INSERT")
        || head.startsWith("UPDATE")
        || head.startsWith("DELETE")
        || head.startsWith("REPLACE");
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<? extends T> type, InvocationHandler handler) {
    return (T)
        Proxy.newProxyInstance(
            CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return real.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return real.isWrapperFor(iface);
  }
}
