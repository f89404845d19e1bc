package io.herald.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A GreenMail SMTP server with AUTH on a free 127.0.0.1 port, which a test makes the workspace's
 * default email channel (the real {@code email-smtp} plugin then delivers to it).
 */
public final class SmtpSink {

  private final GreenMail mail;
  private final String user;
  private final String password;

  private SmtpSink(GreenMail mail, String user, String password) {
    this.mail = mail;
    this.user = user;
    this.password = password;
  }

  /** Starts a server that accepts {@code user}'s login. */
  public static SmtpSink start(String user, String password) {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    mail.setUser("noreply@herald.test", user, password);
    return new SmtpSink(mail, user, password);
  }

  /** The server, for its received messages. */
  public GreenMail mail() {
    return mail;
  }

  public void stop() {
    mail.stop();
  }

  /** Saves the channel setting {@code smtp} pointing at this server as the default for email. */
  public void useAsDefault(Http http) {
    Http.Answer saved =
        http.put(
            "v1/channel_settings/smtp",
            Http.app(),
            "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":true,"
                + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                + mail.getSmtp().getPort()
                + "\",\"security\":\"none\",\"username\":\""
                + user
                + "\",\"password\":\""
                + password
                + "\",\"default_from\":\"Herald <noreply@herald.test>\"}}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }
}
