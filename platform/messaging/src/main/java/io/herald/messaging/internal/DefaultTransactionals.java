package io.herald.messaging.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.herald.messaging.api.ChannelFields;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SubscriptionTopics;
import io.herald.messaging.api.TopicView;
import io.herald.messaging.api.TransactionalInput;
import io.herald.messaging.api.TransactionalView;
import io.herald.messaging.api.Transactionals;
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
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Transactional messages in {@code messaging_transactional}. */
@ApplicationScoped
public class DefaultTransactionals implements Transactionals {

  private static final String COLUMNS =
      "id, name, trigger_name, description, subject, from_address, reply_to, preheader, body,"
          + " body_plain, topic_id, send_to_unsubscribed, created_at, updated_at, layout_id, channel,"
          + " channel_content";

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject SubscriptionTopics topics;

  /** How long a message read for a send is used again before it is read anew. */
  static final Duration READ_FOR = Duration.ofSeconds(1);

  /** A message not looked up for this long is read before it is used again. */
  static final Duration UNUSED_FOR = Duration.ofSeconds(10);

  private record Key(long workspace, String idOrTrigger) {}

  /**
   * Messages read recently, by workspace and id or trigger name: a send reads its message (with its
   * HTML and text bodies, ~20 KB for bench/send's template) at most once a second per node instead
   * of once per send, and the same strings then key the compiled-template cache without being
   * hashed again. A create or update on this node drops the workspace's entries at once; another
   * node's change is read by the first send more than {@link #READ_FOR} after the last read and
   * used by the sends after it: that send and those meanwhile use the version read before, so none
   * waits for the read (with an expiry instead, every send of the message waited for it, and behind
   * a busy database or a bulk thread at the lowest priority they queued for hundreds of ms). A
   * message unused for {@link #UNUSED_FOR} is read before it is used.
   */
  private LoadingCache<Key, Optional<TransactionalView>> recent =
      recentCache(Ticker.systemTicker());

  private LoadingCache<Key, Optional<TransactionalView>> recentCache(Ticker ticker) {
    return Caffeine.newBuilder()
        .ticker(ticker)
        .refreshAfterWrite(READ_FOR)
        .expireAfterWrite(UNUSED_FOR)
        // The re-read runs on the send that asks for it (not a pool outside the container).
        .executor(Runnable::run)
        .maximumSize(10_000)
        .build(k -> read(new WorkspaceId(k.workspace()), k.idOrTrigger()));
  }

  /** Measures {@link #READ_FOR} with {@code ticker} from now on (tests). */
  void ticker(Ticker ticker) {
    recent = recentCache(ticker);
  }

  @Override
  public TransactionalView create(WorkspaceId workspace, TransactionalInput given) {
    TransactionalInput input = check(workspace, given);
    long id =
        write(
            input,
            c -> {
              checkLayout(c, workspace, input);
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO messaging_transactional (workspace_id, name, trigger_name,"
                          + " description, channel, subject, from_address, reply_to, preheader,"
                          + " body, body_plain, topic_id, send_to_unsubscribed, layout_id,"
                          + " channel_content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?,"
                          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3), NOW(3))",
                      Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, workspace.value());
                insert.setString(2, input.name());
                insert.setString(3, blankToNull(input.triggerName()));
                insert.setString(4, orEmpty(input.description()));
                insert.setString(5, input.channel());
                bind(insert, 6, input, false);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                  keys.next();
                  return keys.getLong(1);
                }
              }
            });
    forget(workspace);
    return find(workspace, Long.toString(id)).orElseThrow();
  }

  @Override
  public TransactionalView update(WorkspaceId workspace, long id, TransactionalInput given) {
    TransactionalInput input = check(workspace, given);
    long changed =
        write(
            input,
            c -> {
              checkLayout(c, workspace, input);
              try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE messaging_transactional SET name = ?, trigger_name = ?,"
                          + " description = ?, subject = ?, from_address = ?, reply_to = ?,"
                          + " preheader = ?, body = ?, body_plain = ?, topic_id = ?,"
                          + " send_to_unsubscribed = ?, layout_id = ?, channel_content = ?,"
                          + " updated_at = NOW(3) WHERE workspace_id = ? AND id = ? AND channel = ?")) {
                int p = bind(update, 1, input, true);
                update.setLong(p++, workspace.value());
                update.setLong(p++, id);
                update.setString(p, input.channel());
                return (long) update.executeUpdate();
              }
            });
    forget(workspace);
    if (changed == 0) {
      Optional<TransactionalView> other = find(workspace, Long.toString(id));
      if (other.isPresent()) {
        throw new InvalidMessageException(
            List.of(
                "channel is "
                    + other.get().content().channel()
                    + " for message "
                    + id
                    + "; a message's channel cannot change"));
      }
      throw new NotFoundException("transactional message " + id + " not found");
    }
    return find(workspace, Long.toString(id)).orElseThrow();
  }

  @Override
  public Optional<TransactionalView> find(WorkspaceId workspace, String idOrTrigger) {
    if (idOrTrigger == null || idOrTrigger.isBlank()) {
      return Optional.empty();
    }
    return recent.get(new Key(workspace.value(), idOrTrigger));
  }

  private Optional<TransactionalView> read(WorkspaceId workspace, String idOrTrigger) {
    boolean numeric = idOrTrigger.chars().allMatch(Character::isDigit) && idOrTrigger.length() < 19;
    List<TransactionalView> found =
        select(
            workspace,
            numeric ? " AND id = ?" : " AND trigger_name = ?",
            numeric ? Long.valueOf(idOrTrigger) : idOrTrigger);
    return found.stream().findFirst();
  }

  /** Drops the workspace's recently read messages (it changed one). */
  private void forget(WorkspaceId workspace) {
    recent.asMap().keySet().removeIf(k -> k.workspace() == workspace.value());
  }

  @Override
  public List<TransactionalView> list(WorkspaceId workspace) {
    return select(workspace, "", null);
  }

  private List<TransactionalView> select(WorkspaceId workspace, String where, Object value) {
    return Transactions.autoCommit(
        dataSource,
        "messaging",
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM messaging_transactional WHERE workspace_id = ?"
                      + where
                      + " ORDER BY id")) {
            q.setLong(1, workspace.value());
            if (value != null) {
              q.setObject(2, value);
            }
            List<TransactionalView> views = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                views.add(
                    new TransactionalView(
                        rs.getLong(1),
                        new TransactionalInput(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getBoolean(12),
                            layoutId(rs),
                            rs.getString(16),
                            Responses.fromJson(rs.getString(17))),
                        DateTimes.instant(rs.getObject(13)),
                        DateTimes.instant(rs.getObject(14))));
              }
            }
            return views;
          }
        });
  }

  private long write(TransactionalInput input, Transactions.Work<Long> work) {
    try {
      return Transactions.inTransaction(dataSource, "messaging", work);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLIntegrityConstraintViolationException violation) {
        if (violation.getMessage() != null
            && violation.getMessage().contains("fk_messaging_transactional_layout")) {
          throw new InvalidMessageException(
              List.of("layout_id " + input.layoutId() + " is not a layout of this workspace"));
        }
        throw new InvalidMessageException(
            List.of("trigger_name " + input.triggerName() + " is already used by another message"));
      }
      throw e;
    }
  }

  private static int bind(PreparedStatement s, int first, TransactionalInput in, boolean names)
      throws SQLException {
    int p = first;
    if (names) {
      s.setString(p++, in.name());
      s.setString(p++, blankToNull(in.triggerName()));
      s.setString(p++, orEmpty(in.description()));
    }
    s.setString(p++, orEmpty(in.subject()));
    s.setString(p++, orEmpty(in.from()));
    s.setString(p++, orEmpty(in.replyTo()));
    s.setString(p++, orEmpty(in.preheader()));
    s.setString(p++, orEmpty(in.body()));
    s.setString(p++, orEmpty(in.bodyPlain()));
    s.setString(p++, blankToNull(in.topicId()));
    s.setBoolean(p++, in.sendToUnsubscribed());
    s.setObject(p++, in.layoutId());
    s.setString(p++, in.email() ? null : Responses.toJson(in.channelContent()));
    return p;
  }

  private static Long layoutId(ResultSet rs) throws SQLException {
    long id = rs.getLong(15);
    return rs.wasNull() ? null : id;
  }

  /** A {@code layout_id} must name a layout of the workspace (the row is share-locked). */
  private static void checkLayout(Connection c, WorkspaceId workspace, TransactionalInput input)
      throws SQLException {
    if (input.layoutId() == null) {
      return;
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id FROM messaging_layout WHERE workspace_id = ? AND id = ? LOCK IN SHARE MODE")) {
      q.setLong(1, workspace.value());
      q.setLong(2, input.layoutId());
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new InvalidMessageException(
              List.of("layout_id " + input.layoutId() + " is not a layout of this workspace"));
        }
      }
    }
  }

  /**
   * The input with its topic as the topic's identifier ({@code topic_<n>}; {@code n} alone is
   * accepted too).
   *
   * @throws InvalidMessageException naming each bad field, including a topic that does not exist
   */
  private TransactionalInput check(WorkspaceId workspace, TransactionalInput input) {
    List<String> problems = new ArrayList<>();
    String topic = blankToNull(input.topicId());
    if (topic != null) {
      Optional<TopicView> found = topics.resolve(workspace, topic);
      if (found.isEmpty()) {
        problems.add(
            "topic_id "
                + topic
                + " names no subscription topic (create it with POST /v1/subscription_topics)");
      } else {
        topic = found.get().identifier();
      }
    }
    check(input, problems);
    return new TransactionalInput(
        input.name(),
        input.triggerName(),
        input.description(),
        input.subject(),
        input.from(),
        input.replyTo(),
        input.preheader(),
        input.body(),
        input.bodyPlain(),
        topic,
        input.sendToUnsubscribed(),
        input.layoutId(),
        input.channel(),
        input.channelContent());
  }

  private static void check(TransactionalInput input, List<String> problems) {
    if (input.name() == null || input.name().isBlank() || input.name().length() > 255) {
      problems.add("name must be 1 to 255 characters");
    }
    String trigger = input.triggerName();
    if (trigger != null && !trigger.isBlank()) {
      if (trigger.length() > 255) {
        problems.add("trigger_name must be at most 255 characters");
      } else if (trigger.chars().allMatch(Character::isDigit)) {
        problems.add("trigger_name must not be a number (numbers are message ids)");
      }
    }
    if (input.email()) {
      if (input.body() == null || input.body().isBlank()) {
        problems.add("body must not be empty");
      }
      if (input.subject() == null || input.subject().isBlank()) {
        problems.add("subject must not be empty");
      }
    } else if (!ChannelFields.CHANNELS.contains(input.channel())) {
      problems.add("channel must be email, " + String.join(", ", ChannelFields.CHANNELS));
    } else {
      if (input.layoutId() != null) {
        problems.add("layout_id is for email messages only");
      }
      problems.addAll(ChannelFields.problems(input.channel(), input.channelContent()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
