package io.herald.messaging.internal;

import io.herald.messaging.api.ContentInUseException;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.LayoutInput;
import io.herald.messaging.api.LayoutView;
import io.herald.messaging.api.Layouts;
import io.herald.messaging.api.NotFoundException;
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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Email layouts in {@code messaging_layout}. A layout has exactly one {@code {{ content }}}
 * placeholder and compiles as Liquid; one that a transactional message uses is not deleted (the
 * foreign key {@code fk_messaging_transactional_layout} backs the check).
 */
@ApplicationScoped
public class DefaultLayouts implements Layouts {

  /** The longest layout HTML. */
  static final int MAX_HTML = 1_000_000;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject EmailComposer composer;

  @Override
  public LayoutView create(WorkspaceId workspace, LayoutInput input) {
    check(input);
    long id =
        Transactions.inTransaction(
            dataSource,
            "messaging",
            c -> {
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO messaging_layout (workspace_id, name, html, created_at,"
                          + " updated_at) VALUES (?, ?, ?, NOW(3), NOW(3))",
                      Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, workspace.value());
                insert.setString(2, input.name().strip());
                insert.setString(3, input.html());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                  keys.next();
                  return keys.getLong(1);
                }
              }
            });
    return find(workspace, id).orElseThrow();
  }

  @Override
  public LayoutView update(WorkspaceId workspace, long id, LayoutInput input) {
    check(input);
    int changed =
        Transactions.inTransaction(
            dataSource,
            "messaging",
            c -> {
              try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE messaging_layout SET name = ?, html = ?, updated_at = NOW(3)"
                          + " WHERE workspace_id = ? AND id = ?")) {
                update.setString(1, input.name().strip());
                update.setString(2, input.html());
                update.setLong(3, workspace.value());
                update.setLong(4, id);
                return update.executeUpdate();
              }
            });
    if (changed == 0) {
      throw new NotFoundException("layout " + id + " not found");
    }
    return find(workspace, id).orElseThrow();
  }

  @Override
  public Optional<LayoutView> find(WorkspaceId workspace, long id) {
    return Transactions.autoCommit(dataSource, "messaging", c -> select(c, workspace, id, false))
        .stream()
        .findFirst();
  }

  @Override
  public List<LayoutView> list(WorkspaceId workspace) {
    return Transactions.autoCommit(dataSource, "messaging", c -> select(c, workspace, null, false));
  }

  @Override
  public void delete(WorkspaceId workspace, long id) {
    Transactions.inTransaction(
        dataSource,
        "messaging",
        c -> {
          if (select(c, workspace, id, true).isEmpty()) {
            throw new NotFoundException("layout " + id + " not found");
          }
          List<String> users = new ArrayList<>();
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT id, name FROM messaging_transactional"
                      + " WHERE workspace_id = ? AND layout_id = ? ORDER BY id")) {
            q.setLong(1, workspace.value());
            q.setLong(2, id);
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                users.add("transactional message " + rs.getLong(1) + " (" + rs.getString(2) + ")");
              }
            }
          }
          if (!users.isEmpty()) {
            throw new ContentInUseException(
                "layout " + id + " is used by " + String.join(", ", users), users);
          }
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM messaging_layout WHERE workspace_id = ? AND id = ?")) {
            delete.setLong(1, workspace.value());
            delete.setLong(2, id);
            delete.executeUpdate();
          }
          return null;
        });
  }

  /** The layout's HTML when it exists in the workspace. */
  Optional<String> html(WorkspaceId workspace, long id) {
    return find(workspace, id).map(l -> l.content().html());
  }

  private void check(LayoutInput input) {
    List<String> problems = new ArrayList<>();
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty() || name.length() > 255) {
      problems.add("name must be 1 to 255 characters");
    }
    String html = input.html();
    if (html == null || html.isBlank()) {
      problems.add("html must not be empty");
    } else if (html.length() > MAX_HTML) {
      problems.add("html must be at most " + MAX_HTML + " characters");
    } else {
      int placeholders = ContentSources.contentPlaceholders(html);
      if (placeholders != 1) {
        problems.add(
            "html must have exactly one {{ content }} placeholder (it has " + placeholders + ")");
      }
      composer.compileError("html", html).ifPresent(e -> problems.add(e.describe()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
  }

  private static List<LayoutView> select(Connection c, WorkspaceId workspace, Long id, boolean lock)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, name, html, created_at, updated_at FROM messaging_layout"
                + " WHERE workspace_id = ?"
                + (id == null ? "" : " AND id = ?")
                + " ORDER BY id"
                + (lock ? " FOR UPDATE" : ""))) {
      q.setLong(1, workspace.value());
      if (id != null) {
        q.setLong(2, id);
      }
      List<LayoutView> views = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          views.add(
              new LayoutView(
                  rs.getLong(1),
                  new LayoutInput(rs.getString(2), rs.getString(3)),
                  DateTimes.instant(rs.getObject(4)),
                  DateTimes.instant(rs.getObject(5))));
        }
      }
      return views;
    }
  }
}
