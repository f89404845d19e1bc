package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The SMTP connections are made with TCP_NODELAY, except under implicit TLS. */
class NoDelaySocketFactoryTest {

  @Test
  void everySocketItMakesHasNoDelay() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket =
            new NoDelaySocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket unconnected = new NoDelaySocketFactory().createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
      assertThat(unconnected.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void angusConnectsThroughItForPlainAndStartTlsButNotImplicitTls() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.withConfiguration(
        GreenMailConfiguration.aConfig().withUser(TestSupport.USER, TestSupport.PASSWORD));
    smtp.start();
    try {
      Properties props =
          SmtpSettings.from(TestSupport.config(TestSupport.plainConfig(smtp.getSmtp().getPort())))
              .sessionProperties();
      NoDelaySocketFactory factory = (NoDelaySocketFactory) props.get("mail.smtp.socketFactory");
      assertThat(factory).isNotNull();

      Transport transport = Session.getInstance(props).getTransport();
      transport.connect(TestSupport.USER, TestSupport.PASSWORD);
      transport.close();

      assertThat(factory.created()).as("the connection came from the factory").isEqualTo(1);
    } finally {
      smtp.stop();
    }

    Map<String, String> startTls = TestSupport.plainConfig(25);
    startTls.put("security", "starttls");
    assertThat(
            SmtpSettings.from(TestSupport.config(startTls))
                .sessionProperties()
                .get("mail.smtp.socketFactory"))
        .isInstanceOf(NoDelaySocketFactory.class);
    Map<String, String> tls = TestSupport.plainConfig(465);
    tls.put("security", "tls");
    assertThat(SmtpSettings.from(TestSupport.config(tls)).sessionProperties())
        .doesNotContainKey("mail.smtps.socketFactory");
  }
}
