package io.herald.bench.send;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server that counts and discards: it answers every command with success, reads each
 * message only for its {@code X-Bench} header, and records when it answered {@code 250} to the end
 * of the data. {@code X-Bench: <phase>} or {@code <phase>-<n>}: messages are counted per phase;
 * each arrival time of {@link #TIMED} phases is kept by its full tag, and of {@link #LOGGED} phases
 * in arrival order. One thread per connection (the senders keep a few connections open).
 */
final class SmtpSink implements AutoCloseable {

  /** Phases whose arrivals are kept by tag (latency: matched with the time of the API call). */
  static final String TIMED = "t7";

  /** Phases whose arrival times are kept in order (per-second counts). */
  static final String LOGGED = "limit";

  private final ServerSocket server;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastArrival = new ConcurrentHashMap<>();
  private final Map<String, Long> timed = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> logged = new ConcurrentLinkedQueue<>();
  private volatile boolean logAll;
  private final Thread acceptor;

  /**
   * @param receiveBuffer the connections' TCP receive buffer in bytes, 0 for the system's. A small
   *     one (4 KB) keeps the kernel acknowledging promptly: Jakarta Mail writes a message's last
   *     bytes and the final dot as a small segment that Nagle holds until the previous one is
   *     acknowledged, and a delayed acknowledgement then costs about 40 ms per message.
   */
  SmtpSink(int receiveBuffer) throws IOException {
    server = new ServerSocket();
    if (receiveBuffer > 0) {
      server.setReceiveBufferSize(receiveBuffer);
    }
    server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    acceptor = new Thread(this::accept, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Messages of {@code phase} received so far. */
  long count(String phase) {
    AtomicLong n = counts.get(phase);
    return n == null ? 0 : n.get();
  }

  /** {@link System#nanoTime} of the last {@code 250} for a message of {@code phase}, or 0. */
  long lastArrival(String phase) {
    AtomicLong t = lastArrival.get(phase);
    return t == null ? 0 : t.get();
  }

  /** When the message tagged {@code tag} (of a {@link #TIMED} phase) was accepted, or null. */
  Long arrival(String tag) {
    return timed.get(tag);
  }

  /**
   * From now on, keeps the arrival time of every message (whatever its tag): the limiter counts
   * everything the channel sends, including a backlog of earlier phases.
   */
  void logEverything() {
    logAll = true;
  }

  /** The arrival times of {@link #LOGGED} messages (of all, after {@link #logEverything}). */
  List<Long> logged() {
    return List.copyOf(logged);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread t = new Thread(() -> serve(socket), "smtp-sink-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192)) {
      socket.setTcpNoDelay(true);
      reply(out, "220 bench-sink ESMTP");
      Line line = new Line();
      while (line.read(in)) {
        String command = line.text();
        String verb = command.length() >= 4 ? command.substring(0, 4).toUpperCase() : command;
        switch (verb) {
          case "EHLO" ->
              reply(out, "250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 0");
          case "DATA" -> {
            reply(out, "354 go ahead");
            String tag = readData(in, line);
            record(tag);
            reply(out, "250 2.0.0 accepted");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 OK");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private void record(String tag) {
    long now = System.nanoTime();
    String phase = tag == null ? "none" : tag;
    int dash = phase.indexOf('-');
    if (dash > 0) {
      phase = phase.substring(0, dash);
    }
    if (TIMED.equals(phase)) {
      timed.put(tag, now);
    }
    if (logAll || LOGGED.equals(phase)) {
      logged.add(now);
    }
    lastArrival.computeIfAbsent(phase, p -> new AtomicLong()).accumulateAndGet(now, Math::max);
    counts.computeIfAbsent(phase, p -> new AtomicLong()).incrementAndGet();
  }

  /** Reads the message up to the lone dot; returns its X-Bench header's value, or null. */
  private static String readData(InputStream in, Line line) throws IOException {
    String tag = null;
    boolean headers = true;
    while (line.read(in)) {
      if (line.length == 1 && line.bytes[0] == '.') {
        return tag;
      }
      if (headers) {
        if (line.length == 0) {
          headers = false;
        } else if (line.startsWithIgnoreCase("X-Bench:")) {
          tag = line.text().substring(8).trim();
        }
      }
    }
    throw new IOException("the connection ended inside DATA");
  }

  /** A reusable line buffer: one CRLF-terminated line, without the CRLF. */
  private static final class Line {
    byte[] bytes = new byte[1024];
    int length;

    private final byte[] buffer = new byte[65536];
    private int position;
    private int limit;

    /** False at the end of input. */
    boolean read(InputStream in) throws IOException {
      length = 0;
      int b;
      while ((b = next(in)) != -1) {
        if (b == '\n') {
          if (length > 0 && bytes[length - 1] == '\r') {
            length--;
          }
          return true;
        }
        if (length == bytes.length) {
          bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = (byte) b;
      }
      return false;
    }

    private int next(InputStream in) throws IOException {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      return buffer[position++] & 0xff;
    }

    boolean startsWithIgnoreCase(String prefix) {
      if (length < prefix.length()) {
        return false;
      }
      for (int i = 0; i < prefix.length(); i++) {
        if (Character.toLowerCase((char) bytes[i]) != Character.toLowerCase(prefix.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    String text() {
      return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
