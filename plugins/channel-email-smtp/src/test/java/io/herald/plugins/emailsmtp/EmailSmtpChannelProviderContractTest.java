package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared plugin contract, run against GreenMail with SMTP AUTH, DKIM and a callback secret on.
 * The junk callbacks are sent both without and with the right secret, so they reach the parser.
 */
class EmailSmtpChannelProviderContractTest extends ChannelProviderContractTest {

  private static final KeyPair DKIM_KEYS = TestSupport.rsaKeyPair();
  private static final String CALLBACK_SECRET = "cb-tck-S3cret-2026";

  @RegisterExtension
  final GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser(TestSupport.USER, TestSupport.PASSWORD));

  @Override
  protected ChannelProviderFactory factory() {
    return new SmtpEmailChannelProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    Map<String, String> values = TestSupport.plainConfig(greenMail.getSmtp().getPort());
    values.put("dkim_domain", "herald.test");
    values.put("dkim_selector", "tck");
    values.put("dkim_private_key", TestSupport.pkcs8Pem(DKIM_KEYS));
    values.put("callback_secret", CALLBACK_SECRET);
    return new ChannelConfig(values);
  }

  @Override
  protected List<InboundCallback> junkCallbacks() {
    List<InboundCallback> junk = new ArrayList<>(super.junkCallbacks());
    for (InboundCallback c : super.junkCallbacks()) {
      Map<String, List<String>> headers = new TreeMap<>(c.headers());
      headers.put(BounceIntake.SECRET_HEADER, List.of(CALLBACK_SECRET));
      junk.add(
          new InboundCallback(
              c.method(),
              c.subPath(),
              headers,
              c.query(),
              c.body(),
              c.contentType(),
              c.remoteAddress()));
    }
    return junk;
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return TestSupport.email("tck-1", "reader@example.test").build();
  }

  @Test
  void theSampleMessageIsAcceptedAndArrives() throws Exception {
    DeliveryResult result = createProvider().send(sampleMessage());

    assertThat(result).isEqualTo(DeliveryResult.accepted("<tck-1@herald.test>"));
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }
}
