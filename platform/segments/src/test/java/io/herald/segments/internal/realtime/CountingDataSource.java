package io.herald.segments.internal.realtime;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real datasource whose connections count what reaches the database as a commit: every {@code
 * commit()} and every write statement run in auto-commit mode (each its own transaction).
 */
final class CountingDataSource implements DataSource {

  private final DataSource real;
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger autoCommitWrites = new AtomicInteger();

  CountingDataSource(DataSource real) {
    this.real = real;
  }

  /** {@code commit()} calls plus auto-commit writes since the last reset. */
  int commits() {
    return commits.get() + autoCommitWrites.get();
  }

  void reset() {
    commits.set(0);
    autoCommitWrites.set(0);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return counting(real.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return counting(real.getConnection(user, password));
  }

  private Connection counting(Connection c) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("commit")) {
            commits.incrementAndGet();
          }
          Object result = invoke(c, method, args);
          if (method.getName().equals("prepareStatement") && isWrite((String) args[0])) {
            return writes((PreparedStatement) result, c);
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private PreparedStatement writes(PreparedStatement s, Connection c) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute") && c.getAutoCommit()) {
            autoCommitWrites.incrementAndGet();
          }
          return invoke(s, method, args);
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static boolean isWrite(String sql) {
    String head = sql.stripLeading().toUpperCase(Locale.ROOT);
    return head.startsWith("INSERT") || head.startsWith("UPDATE") || head.startsWith("DELETE");
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
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
