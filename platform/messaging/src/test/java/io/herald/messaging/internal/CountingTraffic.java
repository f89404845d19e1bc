package io.herald.messaging.internal;

import java.util.concurrent.atomic.AtomicInteger;

/** {@link TransactionalTraffic} that counts the times bulk work waited for it. */
final class CountingTraffic extends TransactionalTraffic {

  final AtomicInteger waits = new AtomicInteger();

  @Override
  boolean yieldTo(long maxNanos) {
    boolean waited = super.yieldTo(maxNanos);
    if (waited) {
      waits.incrementAndGet();
    }
    return waited;
  }
}
