package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A journey page's "Try it out" in headless Chromium: an editor simulates a draft journey for a
 * person with a hypothetical event (the path shows as a table) and test-sends its email step, which
 * arrives in GreenMail marked [TEST].
 */
class JourneyDraftTestingUiIT extends ContainerTest {

  private static HeadlessChromium chromium;
  private static GreenMail smtp;

  private ConsoleBrowser console;

  @BeforeAll
  static void start() throws IOException {
    chromium = HeadlessChromium.start();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    smtp.setUser("noreply@herald.test", "draft-ui-smtp", "draft-ui-smtp-password");
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    smtp.stop();
  }

  @BeforeEach
  void screens() {
    console = new ConsoleBrowser(chromium.driver(), base);
    Answer saved =
        http()
            .put(
                "v1/channel_settings/smtp",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":true,"
                    + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                    + smtp.getSmtp().getPort()
                    + "\",\"security\":\"none\",\"username\":\"draft-ui-smtp\","
                    + "\"password\":\"draft-ui-smtp-password\","
                    + "\"default_from\":\"Herald <noreply@herald.test>\"}}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }

  @Test
  void anEditorSimulatesADraftAndTestSendsItsEmail() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String customer = "dt-" + run;
    Answer identified =
        http()
            .put(
                "api/v1/customers/" + customer,
                Http.track(),
                "{\"email\":\"" + customer + "@example.com\"}");
    assertThat(identified.status()).as(identified.body()).isEqualTo(200);
    String subject = "Thanks " + run;
    Answer created =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                ("{'name':'Draft test "
                        + run
                        + "','trigger':{'type':'api'},'nodes':["
                        + "{'id':'w','type':'wait_until','settings':{'event':{'name':'paid'},"
                        + "'timeout':{'value':2,'unit':'days'}},'next':{'met':'thanks'}},"
                        + "{'id':'thanks','type':'send_email','settings':{'from':'a@acme.test',"
                        + "'subject':'"
                        + subject
                        + "','body':'b'}}]}")
                    .replace('\'', '"'));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long id = created.json().at("/campaign/id").asLong();

    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    console.open("admin/journey.xhtml?id=" + id);
    console.driver().findElement(By.id("simulateForm:simPerson")).sendKeys(customer);
    console
        .driver()
        .findElement(By.id("simulateForm:simEvents"))
        .sendKeys("[{\"name\":\"paid\",\"at_offset\":\"PT3H\"}]");
    console.click(console.driver().findElement(By.id("simulateForm:simulate")));
    console.ajaxDone();
    WebElement met = console.rowWith("simulation-row", "sim-outcome", "met");
    assertThat(met.findElement(By.className("sim-offset")).getText()).isEqualTo("PT3H");
    assertThat(met.findElement(By.className("sim-next")).getText()).isEqualTo("thanks");
    List<String> outcomes =
        console.driver().findElements(By.className("sim-outcome")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(outcomes).containsExactly("entered", "waiting", "met", "sent", "completed");
    assertThat(console.rowWith("simulation-row", "sim-outcome", "sent").getText())
        .contains("would send email \"" + subject + "\"");

    console.driver().findElement(By.id("testSendForm:sendPerson")).sendKeys(customer);
    console.click(console.driver().findElement(By.id("testSendForm:testSend")));
    console.ajaxDone();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Arrays.stream(smtp.getReceivedMessages())
                    .anyMatch(
                        m -> {
                          try {
                            return m.getSubject().equals("[TEST] " + subject);
                          } catch (Exception e) {
                            return false;
                          }
                        }));
    assertThat(console.driver().findElement(By.id("messages")).getText())
        .contains("Test message of step thanks sent");
    assertThat(http().get("v1/campaigns/" + id + "/runs", Http.app()).json().path("runs"))
        .isEmpty();
  }
}
