package io.herald.plugins.emailsmtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most {@code size} connected SMTP transports, reused across sends. A borrower gets an idle
 * transport (checked with NOOP when it has been idle for a while, since servers drop idle
 * connections) or a newly connected one, and either returns it or discards it after a failure. Bulk
 * borrowers may hold at most {@code size - 1} of them (with a pool of 2 or more), so a
 * transactional send always finds a connection that no broadcast can take.
 */
final class TransportPool implements AutoCloseable {

  /** Idle time after which a pooled connection is checked with NOOP before reuse. */
  static final Duration RECHECK_AFTER_IDLE = Duration.ofSeconds(1);

  private final Session session;
  private final SmtpSettings settings;
  private final Clock clock;
  private final System.Logger logger;
  private final Semaphore permits;

  /** Taken by bulk borrowers before {@link #permits}: one connection stays for the others. */
  private final Semaphore bulkPermits;

  private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
  private final Set<Transport> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionsOpened = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  private record Idle(Transport transport, Instant since) {}

  TransportPool(Session session, SmtpSettings settings, Clock clock, System.Logger logger) {
    this.session = session;
    this.settings = settings;
    this.clock = clock;
    this.logger = logger;
    this.permits = new Semaphore(settings.poolSize(), true);
    this.bulkPermits = new Semaphore(Math.max(1, settings.poolSize() - 1), true);
  }

  /** A borrowed transport; give it back with {@link #release()} or {@link #discard()}. */
  final class Lease {
    private final Transport transport;
    private final boolean bulk;
    private final AtomicBoolean done = new AtomicBoolean();

    private Lease(Transport transport, boolean bulk) {
      this.transport = transport;
      this.bulk = bulk;
    }

    Transport transport() {
      return transport;
    }

    /** Returns a healthy transport to the pool (closes it when the pool is closed). */
    void release() {
      if (done.compareAndSet(false, true)) {
        if (closed.get()) {
          closeQuietly(transport);
        } else {
          // A close() racing with this push still closes the transport: it is in `open`.
          idle.push(new Idle(transport, clock.instant()));
        }
        releasePermits(bulk);
      }
    }

    /** Closes a transport that failed; the next borrower connects a new one. */
    void discard() {
      if (done.compareAndSet(false, true)) {
        closeQuietly(transport);
        releasePermits(bulk);
      }
    }
  }

  /**
   * Borrows a connected transport for a transactional send, waiting up to the read timeout for a
   * free slot.
   *
   * @throws MessagingException when connecting fails or no slot frees up in time
   * @throws IllegalStateException when the pool is closed
   */
  Lease borrow() throws MessagingException {
    return borrow(false);
  }

  /**
   * Borrows a connected transport, waiting up to the read timeout for a free slot; a bulk borrower
   * waits for one of the {@code size - 1} slots bulk sends may hold.
   *
   * @throws MessagingException when connecting fails or no slot frees up in time
   * @throws IllegalStateException when the pool is closed
   */
  Lease borrow(boolean bulk) throws MessagingException {
    ensureOpen();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMs());
    try {
      if (bulk && !bulkPermits.tryAcquire(settings.timeoutMs(), TimeUnit.MILLISECONDS)) {
        throw busy();
      }
      long left = Math.max(0, deadline - System.nanoTime());
      if (!permits.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        if (bulk) {
          bulkPermits.release();
        }
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MessagingException("interrupted while waiting for an SMTP connection", e);
    }
    try {
      ensureOpen();
      return new Lease(idleOrNew(), bulk);
    } catch (MessagingException | RuntimeException e) {
      releasePermits(bulk);
      throw e;
    }
  }

  private MessagingException busy() {
    return new MessagingException("all " + settings.poolSize() + " SMTP connections stayed busy");
  }

  private void releasePermits(boolean bulk) {
    permits.release();
    if (bulk) {
      bulkPermits.release();
    }
  }

  private Transport idleOrNew() throws MessagingException {
    for (Idle candidate = idle.poll(); candidate != null; candidate = idle.poll()) {
      Transport transport = candidate.transport();
      boolean recheck =
          Duration.between(candidate.since(), clock.instant()).compareTo(RECHECK_AFTER_IDLE) >= 0;
      if (!recheck || transport.isConnected()) {
        return transport;
      }
      logger.log(Level.DEBUG, "idle SMTP connection to {0} was dropped", settings.endpoint());
      closeQuietly(transport);
    }
    return connect();
  }

  private Transport connect() throws MessagingException {
    Transport transport = session.getTransport(settings.protocol());
    open.add(transport);
    try {
      if (settings.authenticates()) {
        transport.connect(
            settings.host(), settings.port(), settings.username(), settings.password());
      } else {
        transport.connect(settings.host(), settings.port(), null, null);
      }
    } catch (MessagingException | RuntimeException e) {
      closeQuietly(transport);
      throw e;
    }
    long count = connectionsOpened.incrementAndGet();
    logger.log(Level.DEBUG, "opened SMTP connection #{0} to {1}", count, settings.endpoint());
    return transport;
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the provider is closed");
    }
  }

  private void closeQuietly(Transport transport) {
    open.remove(transport);
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      logger.log(
          Level.DEBUG,
          "closing an SMTP connection to {0} failed: {1}",
          settings.endpoint(),
          e.getClass().getSimpleName());
    }
  }

  /** How many connections were opened so far (for tests of reuse). */
  long connectionsOpened() {
    return connectionsOpened.get();
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed() {
    return closed.get();
  }

  /** Closes every connection, idle or in use; later borrows fail. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      idle.clear();
      for (Transport transport : Set.copyOf(open)) {
        closeQuietly(transport);
      }
    }
  }
}
