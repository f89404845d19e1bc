package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.tck.TestPluginContext;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk borrowers leave one connection of the pool to transactional sends. */
class TransportPoolTest {

  private GreenMail smtp;
  private TransportPool pool;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.withConfiguration(
        GreenMailConfiguration.aConfig().withUser(TestSupport.USER, TestSupport.PASSWORD));
    smtp.start();
  }

  @AfterEach
  void stop() {
    if (pool != null) {
      pool.close();
    }
    smtp.stop();
  }

  private TransportPool pool(int size) throws Exception {
    Map<String, String> values = TestSupport.plainConfig(smtp.getSmtp().getPort());
    values.put("pool_size", Integer.toString(size));
    values.put("timeout_ms", "300");
    SmtpSettings settings = SmtpSettings.from(new ChannelConfig(values));
    pool =
        new TransportPool(
            Session.getInstance(settings.sessionProperties()),
            settings,
            Clock.systemUTC(),
            System.getLogger("transport-pool-test"));
    return pool;
  }

  @Test
  void bulkBorrowersNeverTakeTheLastConnection() throws Exception {
    TransportPool pool = pool(3);
    TransportPool.Lease bulk1 = pool.borrow(true);
    TransportPool.Lease bulk2 = pool.borrow(true);

    assertThatThrownBy(() -> pool.borrow(true))
        .isInstanceOf(MessagingException.class)
        .hasMessageContaining("stayed busy");
    TransportPool.Lease transactional = pool.borrow(false);
    assertThat(transactional.transport().isConnected()).isTrue();
    // The pool is full now: transactional borrowers wait (and time out) like any other.
    assertThatThrownBy(() -> pool.borrow(false)).isInstanceOf(MessagingException.class);

    // A failed bulk borrow gave back what it took: a returned bulk slot is usable again.
    bulk1.release();
    TransportPool.Lease bulk3 = pool.borrow(true);
    bulk2.discard();
    bulk3.release();
    transactional.release();
    assertThat(pool.connectionsOpened()).isEqualTo(3);

    // Transactional borrowers may still use every connection.
    TransportPool.Lease a = pool.borrow(false);
    TransportPool.Lease b = pool.borrow(false);
    TransportPool.Lease c = pool.borrow(false);
    assertThatThrownBy(() -> pool.borrow(true)).isInstanceOf(MessagingException.class);
    a.release();
    b.release();
    c.release();
  }

  @Test
  void aPoolOfOneIsSharedByBothLanes() throws Exception {
    TransportPool pool = pool(1);
    TransportPool.Lease bulk = pool.borrow(true);
    assertThatThrownBy(() -> pool.borrow(false)).isInstanceOf(MessagingException.class);
    bulk.release();
    pool.borrow(false).release();
    pool.borrow(true).release();
    assertThat(pool.connectionsOpened()).isEqualTo(1);
  }

  @Test
  void theProviderSendsBulkMessagesThroughTheBulkSlots() throws Exception {
    Map<String, String> values = TestSupport.plainConfig(smtp.getSmtp().getPort());
    values.put("pool_size", "2");
    try (SmtpEmailChannelProvider provider =
        (SmtpEmailChannelProvider)
            new SmtpEmailChannelProviderFactory()
                .create(
                    new ChannelConfig(values),
                    new TestPluginContext("channel-email-smtp", Clock.systemUTC()))) {
      DeliveryResult bulk =
          provider.send(
              TestSupport.email("b-1", "a@example.test")
                  .metadata(Map.of("delivery_id", "b-1", "lane", "bulk"))
                  .build());
      DeliveryResult transactional =
          provider.send(
              TestSupport.email("t-1", "a@example.test")
                  .metadata(Map.of("delivery_id", "t-1", "lane", "transactional"))
                  .build());
      assertThat(bulk).isInstanceOf(DeliveryResult.Accepted.class);
      assertThat(transactional).isInstanceOf(DeliveryResult.Accepted.class);
      assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
    }
  }
}
