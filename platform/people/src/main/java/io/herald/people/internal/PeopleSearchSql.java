package io.herald.people.internal;

import io.herald.people.api.PeopleQuery;
import java.util.List;

/**
 * The statements behind {@code PeopleService.search}: each selects primary keys of {@code
 * people_person} below a keyset bound ({@code ?2}), newest first, on one named index, so MySQL 8
 * and MariaDB 10.6+ never trade the index for a backward scan of the whole table. Values are bound
 * ({@code ?N}), never spliced into the text.
 *
 * @param sql the statement; the caller adds the row limit
 * @param parameters the values of {@code ?1}, {@code ?2}, … in order
 * @param scans whether the statement reads rows one by one (attribute search) rather than an
 *     identifier range
 */
record PeopleSearchSql(String sql, List<Object> parameters, boolean scans) {

  private static final String NEWEST_FIRST = " ORDER BY p.id DESC";

  /** The statements answering {@code query}: one, or three for an identifier search. */
  static List<PeopleSearchSql> of(PeopleQuery query, long workspaceId, long below) {
    if (query instanceof PeopleQuery.Identifier identifier) {
      String text = identifier.text();
      return List.of(
          prefix("ux_people_person_customer", "customer_id", text, workspaceId, below),
          prefix("ux_people_person_email", "email_key", Person.emailKey(text), workspaceId, below),
          new PeopleSearchSql(
              "SELECT p.id FROM people_person p FORCE INDEX (ux_people_person_cio)"
                  + " WHERE p.workspace_id = ?1 AND p.id < ?2 AND p.cio_id = ?3",
              List.of(workspaceId, below, text),
              false));
    }
    if (query instanceof PeopleQuery.AttributeEquals attribute) {
      return List.of(
          new PeopleSearchSql(
              "SELECT p.id FROM people_person p FORCE INDEX (ix_people_person_recent)"
                  + " WHERE p.workspace_id = ?1 AND p.id < ?2"
                  // Byte-wise, so the match is exact whatever collation the server gives JSON text.
                  + " AND CAST(JSON_UNQUOTE(JSON_EXTRACT(p.attributes, ?3)) AS BINARY)"
                  + " = CAST(?4 AS BINARY)"
                  + NEWEST_FIRST,
              List.of(workspaceId, below, path(attribute.name()), attribute.value()),
              true));
    }
    return List.of(
        new PeopleSearchSql(
            "SELECT p.id FROM people_person p FORCE INDEX (ix_people_person_recent)"
                + " WHERE p.workspace_id = ?1 AND p.id < ?2"
                + NEWEST_FIRST,
            List.of(workspaceId, below),
            false));
  }

  private static PeopleSearchSql prefix(
      String index, String column, String text, long workspaceId, long below) {
    return new PeopleSearchSql(
        "SELECT p.id FROM people_person p FORCE INDEX ("
            + index
            + ") WHERE p.workspace_id = ?1 AND p.id < ?2 AND p."
            + column
            + " LIKE ?3 ESCAPE '!'"
            + NEWEST_FIRST,
        List.of(workspaceId, below, likePrefix(text)),
        false);
  }

  /** A LIKE pattern matching values that start with {@code text} ({@code !} escapes). */
  static String likePrefix(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  /** The JSON path of a top-level attribute, quoted so dots and spaces stay part of the name. */
  static String path(String name) {
    return "$.\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
