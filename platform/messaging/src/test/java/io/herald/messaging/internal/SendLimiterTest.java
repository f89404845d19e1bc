package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import io.herald.messaging.api.SendRateLimit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The send buckets on a manual clock: rates, burst, the bulk lane's reserve, domain limits. */
class SendLimiterTest {

  private static final class ManualTime implements TimeMeter {
    long nanos;

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }

  private final ManualTime time = new ManualTime();
  private final SendLimiter limiter = new SendLimiter(time);

  private Optional<Duration> take(SendRateLimit limit, String to, boolean bulk) {
    return limiter.acquire(1, "smtp", 1, limit, to, bulk);
  }

  private int takeAll(SendRateLimit limit, String to, boolean bulk) {
    int taken = 0;
    while (take(limit, to, bulk).isEmpty()) {
      taken++;
    }
    return taken;
  }

  @Test
  void noLimitMeansNoWait() {
    for (int i = 0; i < 10_000; i++) {
      assertThat(take(null, "a@x.io", true)).isEmpty();
    }
  }

  @Test
  void theBurstGoesAtOnceThenTokensComeAtTheRate() {
    SendRateLimit limit = new SendRateLimit(50, 10, Map.of());

    assertThat(takeAll(limit, "a@x.io", false)).isEqualTo(10);
    assertThat(take(limit, "a@x.io", false))
        .hasValueSatisfying(
            wait -> assertThat(wait).isBetween(Duration.ofMillis(1), Duration.ofMillis(20)));
    time.nanos += Duration.ofMillis(20).toNanos();
    assertThat(takeAll(limit, "a@x.io", false)).isEqualTo(1);
    time.nanos += Duration.ofSeconds(10).toNanos();
    // A quiet spell refills the burst only.
    assertThat(takeAll(limit, "a@x.io", false)).isEqualTo(10);
  }

  @Test
  void bulkSendsLeaveAFifthOfTheBurstForTransactionalOnes() {
    SendRateLimit limit = new SendRateLimit(40, 10, Map.of());

    assertThat(takeAll(limit, "a@x.io", true)).isEqualTo(8);
    assertThat(takeAll(limit, "a@x.io", false)).isEqualTo(2);
  }

  @Test
  void aDomainLimitSlowsOnlyThatDomain() {
    SendRateLimit limit = new SendRateLimit(100, 100, Map.of("gmail.com", 5));

    assertThat(takeAll(limit, "Ada <ada@Gmail.com>", false)).isEqualTo(1);
    assertThat(take(limit, "ada@gmail.com", false))
        .hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofMillis(200)));
    assertThat(take(limit, "bob@example.com", false)).isEmpty();
    time.nanos += Duration.ofMillis(200).toNanos();
    assertThat(take(limit, "ada@gmail.com", false)).isEmpty();
  }

  @Test
  void noOneSecondWindowGoesAboveRatePlusBurstAndTheMeanRateHolds() {
    // 60 s of a sender that tries every millisecond, as fast as the bucket lets it.
    SendRateLimit limit = new SendRateLimit(50, 5, Map.of());
    Deque<Long> window = new ArrayDeque<>();
    int worst = 0;
    int sent = 0;
    for (long ms = 0; ms < 60_000; ms++) {
      time.nanos = ms * 1_000_000L;
      if (take(limit, "a@x.io", false).isEmpty()) {
        sent++;
        window.addLast(ms);
      }
      while (!window.isEmpty() && window.peekFirst() <= ms - 1000) {
        window.removeFirst();
      }
      worst = Math.max(worst, window.size());
    }
    assertThat(worst).isLessThanOrEqualTo(55);
    // 5 at once, then 50 a second: the mean over the minute is within 2% of the rate.
    assertThat(sent / 60.0).isBetween(49.0, 51.0);
  }

  @Test
  void domainsAreReadFromEveryAddressForm() {
    assertThat(SendLimiter.domainOf("ada@Example.COM")).isEqualTo("example.com");
    assertThat(SendLimiter.domainOf("Ada Lovelace <ada@example.com>")).isEqualTo("example.com");
    assertThat(SendLimiter.domainOf("no-at-sign")).isNull();
  }
}
