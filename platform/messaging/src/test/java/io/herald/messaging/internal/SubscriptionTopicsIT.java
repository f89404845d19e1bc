package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.TopicInput;
import io.herald.messaging.api.TopicView;
import io.herald.messaging.api.TransactionalInput;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscription topics on a real database: per-workspace numbers, never reused, and messages. */
class SubscriptionTopicsIT {

  private static DataSource dataSource;

  private WorkspaceId workspace;
  private WorkspaceId other;
  private DefaultSubscriptionTopics topics;
  private DefaultTransactionals transactionals;

  @BeforeAll
  static void database() {
    dataSource = MigratedTestDatabase.dataSource();
  }

  @BeforeEach
  void store() {
    long ws = MigratedTestDatabase.freshWorkspace();
    workspace = new WorkspaceId(ws);
    other = new WorkspaceId(ws + 1);
    topics = new DefaultSubscriptionTopics();
    topics.dataSource = dataSource;
    transactionals = new DefaultTransactionals();
    transactionals.dataSource = dataSource;
    transactionals.topics = topics;
  }

  @AfterEach
  void forget() {
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          for (String table : List.of("messaging_topic", "messaging_transactional")) {
            try (var d =
                c.prepareStatement("DELETE FROM " + table + " WHERE workspace_id IN (?, ?)")) {
              d.setLong(1, workspace.value());
              d.setLong(2, other.value());
              d.executeUpdate();
            }
          }
          return null;
        });
  }

  @Test
  void topicsAreNumberedPerWorkspaceAndNumbersAreNeverReused() {
    TopicView news = topics.create(workspace, new TopicInput("News", "Monthly", true, 2));
    TopicView offers = topics.create(workspace, new TopicInput("Offers", null, false, 1));
    TopicView elsewhere = topics.create(other, new TopicInput("Elsewhere", "", true, 0));
    assertThat(news.id()).isEqualTo(1);
    assertThat(news.identifier()).isEqualTo("topic_1");
    assertThat(offers.id()).isEqualTo(2);
    assertThat(offers.content().description()).isEmpty();
    assertThat(elsewhere.id()).isEqualTo(1);

    assertThat(topics.list(workspace)).extracting(TopicView::id).containsExactly(2L, 1L);
    assertThat(topics.delete(workspace, 2)).isTrue();
    assertThat(topics.delete(workspace, 2)).isFalse();
    assertThat(topics.find(workspace, 2)).isEmpty();
    assertThat(topics.create(workspace, new TopicInput("Later", "", true, 0)).id()).isEqualTo(3);
    assertThat(topics.list(workspace)).extracting(TopicView::id).containsExactly(3L, 1L);
  }

  @Test
  void concurrentCreatesGetDistinctNumbers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Long>> creates =
          java.util.stream.IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      (Callable<Long>)
                          () -> topics.create(workspace, new TopicInput("T" + i, "", true, 0)).id())
              .toList();
      List<Long> ids = new java.util.ArrayList<>();
      for (Future<Long> f : pool.invokeAll(creates)) {
        ids.add(f.get());
      }
      assertThat(ids).doesNotHaveDuplicates().hasSize(8);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void updatesChangeTheTopicAndRefuseUnknownOrDeletedOnes() {
    TopicView t = topics.create(workspace, new TopicInput("News", "", true, 0));
    TopicView changed =
        topics.update(workspace, t.id(), new TopicInput("Newsletter", "d", false, 5));
    assertThat(changed.content()).isEqualTo(new TopicInput("Newsletter", "d", false, 5));
    assertThatThrownBy(() -> topics.update(other, t.id(), new TopicInput("X", "", true, 0)))
        .isInstanceOf(NotFoundException.class);
    topics.delete(workspace, t.id());
    assertThatThrownBy(() -> topics.update(workspace, t.id(), new TopicInput("X", "", true, 0)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> topics.create(workspace, new TopicInput(" ", "", true, 0)))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("name");
  }

  @Test
  void aMessageTopicMustNameAnExistingTopicAndIsStoredAsItsIdentifier() {
    TopicView t = topics.create(workspace, new TopicInput("News", "", true, 0));
    assertThat(transactionals.create(workspace, message(Long.toString(t.id()))).content().topicId())
        .isEqualTo("topic_1");
    assertThat(transactionals.create(workspace, message("topic_1")).content().topicId())
        .isEqualTo("topic_1");
    assertThatThrownBy(() -> transactionals.create(workspace, message("topic_2")))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("topic_id topic_2 names no subscription topic");
    assertThatThrownBy(() -> transactionals.create(other, message("topic_1")))
        .isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> transactionals.create(workspace, message("newsletter")))
        .isInstanceOf(InvalidMessageException.class);
    assertThat(transactionals.create(workspace, message(null)).content().topicId()).isNull();
  }

  private static TransactionalInput message(String topic) {
    return new TransactionalInput(
        "M", null, "", "Hi", "", "", "", "<p>Hi</p>", "", topic, true, null);
  }
}
