package io.herald.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  private final AtomicInteger own = new AtomicInteger(0);
  private final AtomicInteger reads = new AtomicInteger();

  private RateLimits limits(int defaultLimit) {
    RateLimits limits = new RateLimits();
    limits.clock = Clock.systemUTC();
    limits.defaultLimit = defaultLimit;
    limits.workspaces =
        (WorkspaceService)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {WorkspaceService.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("apiRequestsPerSecond")) {
                    reads.incrementAndGet();
                    return own.get() > 0 ? OptionalInt.of(own.get()) : OptionalInt.empty();
                  }
                  throw new AssertionError("not used by RateLimits: " + method.getName());
                });
    return limits;
  }

  @Test
  void noLimitByDefault() {
    RateLimits limits = limits(0);
    for (int i = 0; i < 1000; i++) {
      assertThat(limits.tryConsume(new WorkspaceId(1), "TRACK").allowed()).isTrue();
    }
    assertThat(limits.tryConsume(new WorkspaceId(1), "TRACK").limited()).isFalse();
  }

  @Test
  void theLimitIsABurstAndARatePerWorkspaceAndFamily() {
    RateLimits limits = limits(3);
    WorkspaceId one = new WorkspaceId(1);
    for (int i = 0; i < 3; i++) {
      RateLimits.Decision d = limits.tryConsume(one, "TRACK");
      assertThat(d.allowed()).isTrue();
      assertThat(d.remaining()).isEqualTo(2 - i);
      assertThat(d.limit()).isEqualTo(3);
    }
    RateLimits.Decision refused = limits.tryConsume(one, "TRACK");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.resetSeconds()).isBetween(1L, 1L);
    assertThat(limits.tryConsume(one, "APP").allowed()).as("another family").isTrue();
    assertThat(limits.tryConsume(new WorkspaceId(2), "TRACK").allowed())
        .as("another workspace")
        .isTrue();
  }

  @Test
  void aWorkspacesOwnLimitWinsAndIsReadAgainAfterForget() {
    own.set(1);
    RateLimits limits = limits(100);
    WorkspaceId one = new WorkspaceId(1);
    assertThat(limits.tryConsume(one, "PIPELINES").allowed()).isTrue();
    assertThat(limits.tryConsume(one, "PIPELINES").allowed()).isFalse();
    int readsBefore = reads.get();
    limits.tryConsume(one, "PIPELINES");
    assertThat(reads.get()).as("cached").isEqualTo(readsBefore);

    own.set(0);
    limits.forget(one);
    assertThat(limits.tryConsume(one, "PIPELINES").limit()).isEqualTo(100);
  }
}
