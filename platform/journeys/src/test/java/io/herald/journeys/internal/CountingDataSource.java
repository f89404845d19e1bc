package io.herald.journeys.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A datasource that counts the SQL statements executed through it (every {@code execute*} call of
 * its statements) and the commits, for tests of how many statements the engine needs.
 */
final class CountingDataSource {

  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();

  int statements() {
    return statements.get();
  }

  int commits() {
    return commits.get();
  }

  void reset() {
    statements.set(0);
    commits.set(0);
  }

  DataSource wrap(DataSource target) {
    return proxy(
        DataSource.class,
        target,
        (method, result) ->
            method.getName().equals("getConnection") ? connection((Connection) result) : result);
  }

  private Connection connection(Connection target) {
    return proxy(
        Connection.class,
        target,
        (method, result) -> {
          if (method.getName().equals("commit")) {
            commits.incrementAndGet();
          }
          if (result instanceof Statement s) {
            return statement(s);
          }
          return result;
        });
  }

  private Object statement(Statement target) {
    Class<?> type =
        target instanceof java.sql.PreparedStatement
            ? java.sql.PreparedStatement.class
            : Statement.class;
    return proxy(
        type,
        target,
        (method, result) -> {
          if (method.getName().startsWith("execute")) {
            statements.incrementAndGet();
          }
          return result;
        });
  }

  @FunctionalInterface
  private interface After {
    Object apply(Method method, Object result) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<?> type, Object target, After after) {
    InvocationHandler handler =
        (p, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          return after.apply(method, result);
        };
    return (T)
        Proxy.newProxyInstance(
            CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
