package io.herald.plugins.emailsmtp;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny SMTP server for tests that answers with scripted replies: a chosen greeting, RCPT and
 * end-of-DATA reply, and optionally STARTTLS (with GreenMail's test certificate). Serves one
 * connection at a time on 127.0.0.1 until closed.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  /**
   * What the server answers.
   *
   * @param greeting the greeting line
   * @param rcptReply the reply to every RCPT TO
   * @param dataEndReply the reply after the message's final dot
   * @param startTls whether STARTTLS is offered (and performed)
   */
  record Script(String greeting, String rcptReply, String dataEndReply, boolean startTls) {
    static Script accepting() {
      return new Script("220 scripted ESMTP", "250 2.1.5 OK", "250 2.0.0 queued", false);
    }

    Script withRcpt(String reply) {
      return new Script(greeting, reply, dataEndReply, startTls);
    }

    Script withDataEnd(String reply) {
      return new Script(greeting, rcptReply, reply, startTls);
    }

    Script withGreeting(String reply) {
      return new Script(reply, rcptReply, dataEndReply, startTls);
    }

    Script withStartTls() {
      return new Script(greeting, rcptReply, dataEndReply, true);
    }
  }

  private final Script script;
  private final ServerSocket serverSocket;
  private final Thread thread;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<String> messages = new CopyOnWriteArrayList<>();

  ScriptedSmtpServer(Script script) throws IOException {
    this.script = script;
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** Every command received, upper-cased verb first, in order. */
  List<String> commands() {
    return List.copyOf(commands);
  }

  /** The DATA of every message received, dot-unstuffed. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  private void serve() {
    while (!serverSocket.isClosed()) {
      try (Socket socket = serverSocket.accept()) {
        socket.setSoTimeout(10_000);
        converse(socket);
      } catch (IOException e) {
        // Connection ended or server closed: serve the next one, or stop.
      }
    }
  }

  private void converse(Socket plain) throws IOException {
    Socket socket = plain;
    BufferedReader in = reader(socket);
    OutputStream out = socket.getOutputStream();
    reply(out, script.greeting());
    if (!script.greeting().startsWith("220")) {
      return;
    }
    boolean tls = false;
    String line;
    while ((line = in.readLine()) != null) {
      commands.add(line);
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" ->
            reply(
                out,
                script.startTls() && !tls
                    ? "250-scripted\r\n250-STARTTLS\r\n250 8BITMIME"
                    : "250-scripted\r\n250 8BITMIME");
        case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
        case "RCPT" -> reply(out, script.rcptReply());
        case "STARTTLS" -> {
          reply(out, "220 2.0.0 ready for TLS");
          socket = upgrade(socket);
          in = reader(socket);
          out = socket.getOutputStream();
          tls = true;
        }
        case "DATA" -> {
          reply(out, "354 go ahead");
          StringBuilder data = new StringBuilder();
          String dataLine;
          while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
            data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine)
                .append("\r\n");
          }
          if (script.dataEndReply().startsWith("250")) {
            messages.add(data.toString());
          }
          reply(out, script.dataEndReply());
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 5.5.2 not implemented");
      }
      if (line.toUpperCase(Locale.ROOT).startsWith("RCPT") && script.rcptReply().startsWith("421")
          || line.toUpperCase(Locale.ROOT).startsWith("DATA")
              && script.dataEndReply().startsWith("421")) {
        return;
      }
    }
  }

  private static Socket upgrade(Socket socket) throws IOException {
    try {
      KeyStore keyStore = new DummySSLServerSocketFactory().getKeyStore();
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, "changeit".toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      SSLSocket tls =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(
                      socket, socket.getInetAddress().getHostAddress(), socket.getPort(), false);
      tls.setUseClientMode(false);
      tls.startHandshake();
      return tls;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("test TLS setup failed", e);
    }
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      throw new SocketException(e.getMessage());
    }
  }
}
