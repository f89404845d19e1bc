package io.herald.events.internal;

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

  @Test
  void aLoneCallerCommitsItsOwnRowsAtOnce() {
    List<List<Integer>> commits = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> group = new GroupCommit<>(1, 100, rows -> commits.add(List.copyOf(rows)));

    group.submit(List.of(1, 2, 3));

    assertThat(commits).containsExactly(List.of(1, 2, 3));
    assertThat(group.commits()).isEqualTo(1);
    assertThat(group.rows()).isEqualTo(3);
  }

  @Test
  void concurrentCallersShareCommitsAndEachReturnsOnlyAfterItsRowsAreWritten() throws Exception {
    CountDownLatch firstCommitEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstCommit = new CountDownLatch(1);
    List<List<Integer>> commits = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> group =
        new GroupCommit<>(
            1,
            1000,
            rows -> {
              if (commits.isEmpty()) {
                firstCommitEntered.countDown();
                releaseFirstCommit.await(5, TimeUnit.SECONDS);
              }
              commits.add(List.copyOf(rows));
            });
    ExecutorService pool = Executors.newFixedThreadPool(11);
    try {
      Future<?> first = pool.submit(() -> group.submit(List.of(0)));
      assertThat(firstCommitEntered.await(5, TimeUnit.SECONDS)).isTrue();
      List<Future<?>> others = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        int value = i;
        others.add(pool.submit(() -> group.submit(List.of(value))));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> group.queued() == 10);
      assertThat(others).noneMatch(Future::isDone);
      releaseFirstCommit.countDown();
      first.get(5, TimeUnit.SECONDS);
      for (Future<?> f : others) {
        f.get(5, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(commits.stream().mapToInt(List::size).sum()).isEqualTo(11);
    assertThat(commits).hasSizeLessThan(11);
    assertThat(group.commits()).isEqualTo(commits.size());
  }

  @Test
  void aBadRowFailsOnlyItsOwnCaller() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> group =
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
            });
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> blocker = pool.submit(() -> group.submit(List.of(0)));
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      Future<?> good = pool.submit(() -> group.submit(List.of(7)));
      Future<?> bad = pool.submit(() -> group.submit(List.of(-1)));
      await().atMost(Duration.ofSeconds(5)).until(() -> group.queued() == 2);
      release.countDown();
      blocker.get(5, TimeUnit.SECONDS);
      good.get(5, TimeUnit.SECONDS);
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
    GroupCommit<Integer> group =
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
  void aCallersRowsAreNeverSplitAcrossCommits() {
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> group = new GroupCommit<>(1, 2, rows -> sizes.add(rows.size()));

    group.submit(List.of(1, 2, 3)); // one caller's rows are never split

    assertThat(sizes).containsExactly(3);
  }
}
