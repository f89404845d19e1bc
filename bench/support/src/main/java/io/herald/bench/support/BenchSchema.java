package io.herald.bench.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A benchmark's own schema on the server, and the user Herald connects with. */
public final class BenchSchema {

  private BenchSchema() {}

  /**
   * Drops and creates {@code schema} (utf8mb4, binary collation) and gives {@code user} (created if
   * missing, from any host) every right on it.
   *
   * @param server the server URL without a schema, e.g. {@code jdbc:mysql://127.0.0.1:3306/}
   */
  public static void recreate(
      String server,
      String rootUser,
      String rootPassword,
      String schema,
      String user,
      String password)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(server, rootUser, rootPassword);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + schema);
      st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      for (String host : List.of("localhost", "127.0.0.1", "%")) {
        st.execute(
            "CREATE USER IF NOT EXISTS '"
                + user
                + "'@'"
                + host
                + "' IDENTIFIED BY '"
                + password
                + "'");
        st.execute("GRANT ALL ON " + schema + ".* TO '" + user + "'@'" + host + "'");
      }
    }
  }
}
