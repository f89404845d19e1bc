package io.herald.plugins.webhook;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small HTTP/1.1 client that connects to addresses the caller has already checked, never
 * resolving the host name itself: what defeats DNS rebinding (a name that resolves to a public
 * address for the check and to 127.0.0.1 for the connection). For https the TLS handshake still
 * sends the host name (SNI) and checks the certificate against it.
 *
 * <p>One request per connection ({@code Connection: close}); no redirects are followed (a redirect
 * could lead anywhere, so it is the caller's answer to judge). The whole exchange, from connecting
 * to the last byte read, fits in the request's timeout: a watchdog closes the socket when it runs
 * out.
 */
final class PinnedHttpClient {

  private static final int MAX_LINE = 16 * 1024;
  private static final int MAX_HEADERS = 200;

  private final SSLSocketFactory tls;
  private final ScheduledExecutorService watchdog;
  private final int maxBodyBytes;

  /**
   * @param tls the TLS socket factory (the JDK's default trust store in production)
   * @param watchdog runs the timeouts; owned by the caller
   * @param maxBodyBytes how much of an answer's body is read and kept
   */
  PinnedHttpClient(SSLSocketFactory tls, ScheduledExecutorService watchdog, int maxBodyBytes) {
    this.tls = tls;
    this.watchdog = watchdog;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Sends the request to the first of {@code addresses} that accepts a connection.
   *
   * @throws SocketTimeoutException when the request's timeout ran out
   * @throws IOException when no address could be reached or the answer was not HTTP
   */
  HttpResponse exchange(HttpRequest request, List<InetAddress> addresses) throws IOException {
    long deadline = System.nanoTime() + request.timeout().toNanos();
    AtomicReference<Socket> current = new AtomicReference<>();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> timer =
        watchdog.schedule(
            () -> {
              expired.set(true);
              closeQuietly(current.get());
            },
            request.timeout().toNanos(),
            TimeUnit.NANOSECONDS);
    try {
      Socket socket = connect(current, expired, request, addresses, deadline);
      Socket channel = request.tls() ? handshake(socket, request, deadline) : socket;
      channel.setSoTimeout(remainingMillis(deadline));
      OutputStream out = new BufferedOutputStream(channel.getOutputStream());
      out.write(head(request));
      out.write(request.body());
      out.flush();
      return read(new BufferedInputStream(channel.getInputStream()), request);
    } catch (IOException e) {
      if (expired.get() || System.nanoTime() - deadline >= 0) {
        SocketTimeoutException timeout =
            new SocketTimeoutException("no answer within " + request.timeout().toSeconds() + " s");
        timeout.initCause(e);
        throw timeout;
      }
      throw e;
    } finally {
      timer.cancel(false);
      closeQuietly(current.get());
    }
  }

  /** Connects to the first address that answers; a failed connect closes its socket. */
  private static Socket connect(
      AtomicReference<Socket> current,
      AtomicBoolean expired,
      HttpRequest request,
      List<InetAddress> addresses,
      long deadline)
      throws IOException {
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      current.set(socket);
      if (expired.get()) {
        break;
      }
      try {
        socket.connect(new InetSocketAddress(address, request.port()), remainingMillis(deadline));
        socket.setTcpNoDelay(true);
        return socket;
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        last = e;
      }
    }
    throw last != null ? last : new IOException("no address to connect to");
  }

  private Socket handshake(Socket socket, HttpRequest request, long deadline) throws IOException {
    String host = request.uri().getHost();
    SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, request.port(), true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!isIpLiteral(host)) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(parameters);
    ssl.setSoTimeout(remainingMillis(deadline));
    ssl.startHandshake();
    return ssl;
  }

  private static byte[] head(HttpRequest request) {
    StringBuilder head = new StringBuilder();
    String target = request.uri().getRawPath();
    if (target == null || target.isEmpty()) {
      target = "/";
    }
    if (request.uri().getRawQuery() != null) {
      target += "?" + request.uri().getRawQuery();
    }
    head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader(request)).append("\r\n");
    for (Map.Entry<String, String> header : request.headers()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    byte[] body = request.body();
    if (body.length > 0 || expectsBody(request.method())) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean expectsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  private static String hostHeader(HttpRequest request) {
    String host = request.uri().getHost();
    int port = request.uri().getPort();
    return port < 0 ? host : host + ":" + port;
  }

  private HttpResponse read(InputStream in, HttpRequest request) throws IOException {
    int status;
    Map<String, List<String>> headers;
    do {
      status = statusCode(readLine(in));
      headers = readHeaders(in);
    } while (status >= 100 && status < 200 && status != 101);
    if (request.method().equals("HEAD") || status == 204 || status == 304 || status == 101) {
      return new HttpResponse(status, headers, new byte[0], false);
    }
    Capped capped = new Capped(maxBodyBytes);
    String transferEncoding = first(headers, "transfer-encoding").toLowerCase(Locale.ROOT);
    String contentLength = first(headers, "content-length");
    if (transferEncoding.contains("chunked")) {
      readChunked(in, capped);
    } else if (!contentLength.isEmpty()) {
      long length;
      try {
        length = Long.parseLong(contentLength.trim());
      } catch (NumberFormatException e) {
        throw new IOException("invalid Content-Length in the answer");
      }
      copy(in, capped, length);
    } else {
      copy(in, capped, Long.MAX_VALUE);
    }
    return new HttpResponse(status, headers, capped.bytes(), capped.truncated);
  }

  private static int statusCode(String statusLine) throws IOException {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
      throw new IOException("the answer is not HTTP/1.x");
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("the answer is not HTTP/1.x");
    }
  }

  private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int count = 0; ; count++) {
      String line = readLine(in);
      if (line.isEmpty()) {
        return headers;
      }
      if (count >= MAX_HEADERS) {
        throw new IOException("too many headers in the answer");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header in the answer");
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static void readChunked(InputStream in, Capped out) throws IOException {
    while (true) {
      String line = readLine(in);
      int semicolon = line.indexOf(';');
      String size = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
      long length;
      try {
        length = Long.parseLong(size, 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk in the answer");
      }
      if (length == 0) {
        readHeaders(in); // trailers
        return;
      }
      copy(in, out, length);
      if (out.truncated) {
        return;
      }
      readLine(in);
    }
  }

  /** Copies up to {@code length} bytes, stopping early once the cap is passed. */
  private static void copy(InputStream in, Capped out, long length) throws IOException {
    byte[] buffer = new byte[8192];
    long left = length;
    while (left > 0 && !out.truncated) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        if (length == Long.MAX_VALUE) {
          return;
        }
        throw new IOException("the answer ended early");
      }
      out.write(buffer, n);
      left -= n;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the answer ended early");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("a line of the answer is too long");
      }
      line.write(b);
    }
  }

  /**
   * The time left until {@code deadline}, rounded up to a whole millisecond: a socket timeout set
   * from it runs out at the deadline or just after, never just before, so {@link #exchange} knows
   * the request's timeout ran out (rounded down, a read could time out a fraction of a millisecond
   * early and surface as a bare "Read timed out").
   */
  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long nanos = deadline - System.nanoTime();
    if (nanos <= 0) {
      throw new SocketTimeoutException("timed out");
    }
    return millisCovering(nanos);
  }

  /** The fewest whole milliseconds (at least 1) that last {@code nanos} or longer. */
  static int millisCovering(long nanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, nanos - 1)) + 1;
    return (int) Math.min(Integer.MAX_VALUE, millis);
  }

  static boolean isIpLiteral(String host) {
    return host.startsWith("[")
        || host.contains(":")
        || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  private static void closeQuietly(Socket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort.
    }
  }

  /** Keeps the first {@code cap} bytes and notes whether more came. */
  private static final class Capped {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int cap;
    private boolean truncated;

    Capped(int cap) {
      this.cap = cap;
    }

    void write(byte[] buffer, int length) {
      int room = cap - bytes.size();
      if (length > room) {
        bytes.write(buffer, 0, Math.max(0, room));
        truncated = true;
      } else {
        bytes.write(buffer, 0, length);
      }
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }
}
