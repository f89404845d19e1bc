package io.herald.app.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct access to the test database, to check what Herald stored (never to set it up). */
public final class Db {

  private Db() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(ItConfig.dbUrl(), ItConfig.dbUser(), ItConfig.dbPassword());
  }
}
