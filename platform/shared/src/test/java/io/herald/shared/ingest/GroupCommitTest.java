package io.herald.shared.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  /** A writer that records each commit and answers each item with its negation. */
  private static List<Integer> negated(List<Integer> rows) {
    return rows.stream().map(r -> -r).toList();
  }

  @Test
  void aLoneCallerCommitsItsOwnItemsAtOnceAndGetsTheirResults() {
    List<List<Integer>> commits = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> group =
        new GroupCommit<>(
            1,
            100,
            rows -> {
              commits.add(List.copyOf(rows));
              return negated(rows);
            });

    assertThat(group.submit(List.of(1, 2, 3))).containsExactly(-1, -2, -3);

    assertThat(commits).containsExactly(List.of(1, 2, 3));
    assertThat(group.commits()).isEqualTo(1);
    assertThat(group.items()).isEqualTo(3);
  }

  @Test
  void concurrentCallersShareCommitsAndEachGetsItsOwnResultsOnlyAfterTheCommit() throws Exception {
    CountDownLatch firstCommitEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstCommit = new CountDownLatch(1);
    List<List<Integer>> commits = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> group =
        new GroupCommit<>(
            1,
            1000,
            rows -> {
              if (commits.isEmpty()) {
                firstCommitEntered.countDown();
                releaseFirstCommit.await(5, TimeUnit.SECONDS);
              }
              commits.add(List.copyOf(rows));
              return negated(rows);
            });
    ExecutorService pool = Executors.newFixedThreadPool(11);
    try {
      Future<List<Integer>> first = pool.submit(() -> group.submit(List.of(0)));
      assertThat(firstCommitEntered.await(5, TimeUnit.SECONDS)).isTrue();
      List<Future<List<Integer>>> others = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        int value = i;
        others.add(pool.submit(() -> group.submit(List.of(value, value * 100))));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> group.queued() == 10);
      assertThat(others).noneMatch(Future::isDone);
      releaseFirstCommit.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).containsExactly(0);
      for (int i = 1; i <= 10; i++) {
        assertThat(others.get(i - 1).get(5, TimeUnit.SECONDS)).containsExactly(-i, -i * 100);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(commits.stream().mapToInt(List::size).sum()).isEqualTo(21);
    assertThat(commits).hasSize(2); // the ten waiting callers went together
    assertThat(group.commits()).isEqualTo(commits.size());
  }

  @Test
  void itemsQueuedWhileBothWritersAreBusyAreWrittenOnceOneIsFree() throws Exception {
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> group =
        new GroupCommit<>(
            2,
            1000,
            rows -> {
              if (rows.contains(1) || rows.contains(2)) {
                entered.countDown();
                release.await(5, TimeUnit.SECONDS);
              }
              committed.addAll(rows);
              return negated(rows);
            });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Integer>>> calls = new ArrayList<>();
      calls.add(pool.submit(() -> group.submit(List.of(1))));
      calls.add(pool.submit(() -> group.submit(List.of(2))));
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 3; i <= 8; i++) {
        int value = i;
        calls.add(pool.submit(() -> group.submit(List.of(value))));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> group.queued() == 6);
      release.countDown();
      for (int i = 0; i < calls.size(); i++) {
        assertThat(calls.get(i).get(5, TimeUnit.SECONDS)).containsExactly(-(i + 1));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(committed).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(group.queued()).isZero();
  }

  @Test
  void aBadItemFailsOnlyItsOwnCaller() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> group =
        new GroupCommit<>(
            1,
            1000,
            rows -> {
              if (rows.contains(-1)) {
                throw new IllegalArgumentException("negative row");
              }
              if (rows.contains(0)) {
                entered.countDown();
                release.await(5, TimeUnit.SECONDS);
              }
              committed.addAll(rows);
              return negated(rows);
            });
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> blocker = pool.submit(() -> group.submit(List.of(0)));
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      Future<List<Integer>> good = pool.submit(() -> group.submit(List.of(7)));
      Future<?> bad = pool.submit(() -> group.submit(List.of(-1)));
      await().atMost(Duration.ofSeconds(5)).until(() -> group.queued() == 2);
      release.countDown();
      blocker.get(5, TimeUnit.SECONDS);
      assertThat(good.get(5, TimeUnit.SECONDS)).containsExactly(-7);
      assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(GroupCommit.CommitFailedException.class)
          .hasMessageContaining("negative row");
    } finally {
      pool.shutdownNow();
    }
    assertThat(committed).containsExactlyInAnyOrder(0, 7);
  }

  @Test
  void aFailedCommitIsReportedToTheCaller() {
    GroupCommit<Integer, Integer> group =
        new GroupCommit<>(
            2,
            10,
            rows -> {
              throw new java.sql.SQLException("disk full");
            });

    assertThatThrownBy(() -> group.submit(List.of(1)))
        .isInstanceOf(GroupCommit.CommitFailedException.class)
        .hasMessageContaining("disk full");
    assertThat(group.commits()).isZero();
  }

  @Test
  void aWriterThatLosesResultsFailsTheCallInsteadOfAnsweringWrongly() {
    GroupCommit<Integer, Integer> group = new GroupCommit<>(1, 10, rows -> List.of());

    assertThatThrownBy(() -> group.submit(List.of(1)))
        .isInstanceOf(GroupCommit.CommitFailedException.class)
        .hasMessageContaining("0 results for 1 items");
  }

  @Test
  void aCallersItemsAreNeverSplitAcrossCommits() {
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, Integer> group =
        new GroupCommit<>(
            1,
            2,
            rows -> {
              sizes.add(rows.size());
              return negated(rows);
            });

    group.submit(List.of(1, 2, 3)); // one caller's items are never split

    assertThat(sizes).containsExactly(3);
  }
}
