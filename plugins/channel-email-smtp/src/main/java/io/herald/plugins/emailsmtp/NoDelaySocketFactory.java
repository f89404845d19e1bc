package io.herald.plugins.emailsmtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} for the SMTP connections (also under STARTTLS, which
 * layers TLS over the socket this made). Angus Mail writes a message's end and the final {@code .}
 * as a small separate segment; with Nagle's algorithm on, that segment waits for the server's
 * delayed acknowledgement (about 40 ms on Linux), which bounds a reused connection to about 25
 * messages a second whatever the server's speed (found by bench/send).
 */
final class NoDelaySocketFactory extends SocketFactory {

  private final AtomicLong created = new AtomicLong();

  /** How many sockets this factory made (for tests). */
  long created() {
    return created.get();
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(new Socket(address, port, localAddress, localPort));
  }

  private Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    created.incrementAndGet();
    return socket;
  }
}
