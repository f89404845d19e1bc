package io.herald.messaging.internal;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SubscriptionTopics;
import io.herald.messaging.api.TopicInput;
import io.herald.messaging.api.TopicView;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Subscription topics in {@code messaging_topic}, numbered per workspace so that their identifiers
 * ({@code topic_1}, {@code topic_2}, ...) match Customer.io's and preferences migrated from it keep
 * their meaning.
 */
@ApplicationScoped
public class DefaultSubscriptionTopics implements SubscriptionTopics {

  private static final String COLUMNS =
      "id, name, description, subscribed_by_default, position, created_at, updated_at";

  /** Two creates racing for the same number: the loser takes the next one. */
  private static final int CREATE_ATTEMPTS = 5;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Override
  public TopicView create(WorkspaceId workspace, TopicInput input) {
    check(input);
    for (int attempt = 1; ; attempt++) {
      try {
        long id =
            Transactions.inTransaction(dataSource, "messaging", c -> insert(c, workspace, input));
        return find(workspace, id).orElseThrow();
      } catch (IllegalStateException e) {
        if (attempt >= CREATE_ATTEMPTS
            || !(e.getCause() instanceof SQLIntegrityConstraintViolationException)) {
          throw e;
        }
      }
    }
  }

  private static long insert(Connection c, WorkspaceId workspace, TopicInput input)
      throws SQLException {
    long id;
    try (PreparedStatement next =
        c.prepareStatement(
            "SELECT COALESCE(MAX(id), 0) + 1 FROM messaging_topic WHERE workspace_id = ?")) {
      next.setLong(1, workspace.value());
      try (ResultSet rs = next.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO messaging_topic (workspace_id, id, name, description,"
                + " subscribed_by_default, position, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, NOW(3), NOW(3))")) {
      insert.setLong(1, workspace.value());
      insert.setLong(2, id);
      insert.setString(3, input.name());
      insert.setString(4, input.description());
      insert.setBoolean(5, input.subscribedByDefault());
      insert.setInt(6, input.position());
      insert.executeUpdate();
    }
    return id;
  }

  @Override
  public TopicView update(WorkspaceId workspace, long id, TopicInput input) {
    check(input);
    int changed =
        Transactions.inTransaction(
            dataSource,
            "messaging",
            c -> {
              try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE messaging_topic SET name = ?, description = ?,"
                          + " subscribed_by_default = ?, position = ?, updated_at = NOW(3)"
                          + " WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL")) {
                update.setString(1, input.name());
                update.setString(2, input.description());
                update.setBoolean(3, input.subscribedByDefault());
                update.setInt(4, input.position());
                update.setLong(5, workspace.value());
                update.setLong(6, id);
                return update.executeUpdate();
              }
            });
    if (changed == 0) {
      throw new NotFoundException("subscription topic " + id + " not found");
    }
    return find(workspace, id).orElseThrow();
  }

  @Override
  public boolean delete(WorkspaceId workspace, long id) {
    return Transactions.inTransaction(
            dataSource,
            "messaging",
            c -> {
              try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE messaging_topic SET deleted_at = NOW(3), updated_at = NOW(3)"
                          + " WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL")) {
                update.setLong(1, workspace.value());
                update.setLong(2, id);
                return update.executeUpdate();
              }
            })
        > 0;
  }

  @Override
  public Optional<TopicView> find(WorkspaceId workspace, long id) {
    return select(workspace, " AND id = ?", id).stream().findFirst();
  }

  @Override
  public Optional<TopicView> resolve(WorkspaceId workspace, String reference) {
    return TopicRules.number(reference).flatMap(id -> find(workspace, id));
  }

  @Override
  public List<TopicView> list(WorkspaceId workspace) {
    return select(workspace, "", null);
  }

  private List<TopicView> select(WorkspaceId workspace, String where, Long id) {
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM messaging_topic WHERE workspace_id = ? AND deleted_at IS NULL"
                      + where
                      + " ORDER BY position, id")) {
            q.setLong(1, workspace.value());
            if (id != null) {
              q.setLong(2, id);
            }
            List<TopicView> views = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                views.add(
                    new TopicView(
                        rs.getLong(1),
                        new TopicInput(
                            rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)),
                        DateTimes.instant(rs.getObject(6)),
                        DateTimes.instant(rs.getObject(7))));
              }
            }
            return views;
          }
        });
  }

  private static void check(TopicInput input) {
    List<String> problems = new ArrayList<>();
    if (input.name() == null || input.name().isBlank() || input.name().length() > 255) {
      problems.add("name must be 1 to 255 characters");
    }
    if (input.description().length() > 1000) {
      problems.add("description must be at most 1000 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
  }
}
