package io.herald.messaging.internal;

import io.herald.messaging.api.ContentInUseException;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SnippetView;
import io.herald.messaging.api.Snippets;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Snippets in {@code messaging_snippet}. A snippet named by a transactional message or a layout is
 * not deleted (Customer.io answers 400 then); the check and the delete run in one transaction with
 * the snippet's row locked.
 */
@ApplicationScoped
public class DefaultSnippets implements Snippets {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject EmailComposer composer;

  @Override
  public List<SnippetView> list(WorkspaceId workspace) {
    return Transactions.autoCommit(dataSource, "messaging", c -> select(c, workspace, null, false));
  }

  @Override
  public Optional<SnippetView> find(WorkspaceId workspace, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Transactions.autoCommit(dataSource, "messaging", c -> select(c, workspace, name, false))
        .stream()
        .findFirst();
  }

  @Override
  public SnippetView put(WorkspaceId workspace, String name, String value) {
    String trimmedName = name == null ? "" : name.strip();
    String trimmedValue = value == null ? null : value.strip();
    List<String> problems = new ArrayList<>(ContentSources.nameProblems(trimmedName, MAX_NAME));
    if (trimmedValue == null) {
      problems.add("value is required");
    } else if (trimmedValue.length() > MAX_VALUE) {
      problems.add("value must be at most " + MAX_VALUE + " characters");
    } else {
      composer.compileError("value", trimmedValue).ifPresent(e -> problems.add(e.describe()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
    return Transactions.inTransaction(
        dataSource,
        "messaging",
        c -> {
          try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO messaging_snippet (workspace_id, name, value, updated_at)"
                      + " VALUES (?, ?, ?, NOW(3))"
                      + " ON DUPLICATE KEY UPDATE value = VALUES(value),"
                      + " updated_at = VALUES(updated_at)")) {
            upsert.setLong(1, workspace.value());
            upsert.setString(2, trimmedName);
            upsert.setString(3, trimmedValue);
            upsert.executeUpdate();
          }
          return select(c, workspace, trimmedName, false).get(0);
        });
  }

  @Override
  public void delete(WorkspaceId workspace, String name) {
    Transactions.inTransaction(
        dataSource,
        "messaging",
        c -> {
          if (name == null || select(c, workspace, name, true).isEmpty()) {
            throw new NotFoundException("snippet " + name + " not found");
          }
          List<String> users = users(c, workspace, name);
          if (!users.isEmpty()) {
            throw new ContentInUseException(
                "snippet " + name + " is used by " + String.join(", ", users), users);
          }
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM messaging_snippet WHERE workspace_id = ? AND name = ?")) {
            delete.setLong(1, workspace.value());
            delete.setString(2, name);
            delete.executeUpdate();
          }
          return null;
        });
  }

  /** The values of the named snippets that exist; absent names are left out. */
  Map<String, String> values(WorkspaceId workspace, Collection<String> names) {
    if (names.isEmpty()) {
      return Map.of();
    }
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c -> {
          Map<String, String> values = new LinkedHashMap<>();
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT name, value FROM messaging_snippet WHERE workspace_id = ? AND name IN ("
                      + String.join(", ", Collections.nCopies(names.size(), "?"))
                      + ")")) {
            q.setLong(1, workspace.value());
            int p = 2;
            for (String name : names) {
              q.setString(p++, name);
            }
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
              }
            }
          }
          return values;
        });
  }

  /**
   * The transactional messages (email fields, or another channel's content JSON) and layouts whose
   * sources name the snippet.
   */
  private static List<String> users(Connection c, WorkspaceId workspace, String name)
      throws SQLException {
    List<String> users = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, name, subject, from_address, reply_to, preheader, body, body_plain,"
                + " channel_content FROM messaging_transactional WHERE workspace_id = ?"
                + " ORDER BY id")) {
      q.setLong(1, workspace.value());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          if (ContentSources.usesSnippet(
                  name,
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8))
              || channelContentUses(name, rs.getString(9))) {
            users.add("transactional message " + rs.getLong(1) + " (" + rs.getString(2) + ")");
          }
        }
      }
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, name, html FROM messaging_layout WHERE workspace_id = ? ORDER BY id")) {
      q.setLong(1, workspace.value());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          if (ContentSources.usesSnippet(name, rs.getString(3))) {
            users.add("layout " + rs.getLong(1) + " (" + rs.getString(2) + ")");
          }
        }
      }
    }
    return users;
  }

  /** Whether a message's channel content (JSON, null for email) names the snippet. */
  private static boolean channelContentUses(String name, String channelContent) {
    return channelContent != null
        && ChannelComposer.snippetNames(Responses.fromJson(channelContent), null).contains(name);
  }

  private static List<SnippetView> select(
      Connection c, WorkspaceId workspace, String name, boolean lock) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT name, value, updated_at FROM messaging_snippet WHERE workspace_id = ?"
                + (name == null ? "" : " AND name = ?")
                + " ORDER BY name"
                + (lock ? " FOR UPDATE" : ""))) {
      q.setLong(1, workspace.value());
      if (name != null) {
        q.setString(2, name);
      }
      List<SnippetView> views = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          views.add(
              new SnippetView(
                  rs.getString(1), rs.getString(2), DateTimes.instant(rs.getObject(3))));
        }
      }
      return views;
    }
  }
}
