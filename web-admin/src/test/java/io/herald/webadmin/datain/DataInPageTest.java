package io.herald.webadmin.datain;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.api.DroppedMessage;
import io.herald.webadmin.fakes.FakeDataIn;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DataInPageTest {

  private final FakeDataIn log = new FakeDataIn();
  private final Messages messages = new Messages();

  private DataInPage page(FakeRoleUser user) {
    DataInPage page = new DataInPage();
    page.log = log;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.load();
    return page;
  }

  @Test
  void aViewerSeesTheLatestHundredDrops() {
    for (int i = 150; i >= 1; i--) {
      log.drops.add(
          new DroppedMessage(
              Instant.ofEpochSecond(i), "track", "m-" + i, "event: required for track"));
    }

    DataInPage page = page(FakeRoleUser.viewer());

    assertThat(log.askedLimit).isEqualTo(100);
    assertThat(page.getDrops()).hasSize(100);
    assertThat(page.getDrops().get(0).messageId()).isEqualTo("m-150");
    assertThat(messages.errors).isEmpty();
  }

  @Test
  void aCallerWithoutAConsoleRoleSeesNoDrops() {
    log.drops.add(new DroppedMessage(Instant.EPOCH, "track", null, "event: required for track"));

    DataInPage page = page(FakeRoleUser.noRole());

    assertThat(page.getDrops()).isEmpty();
    assertThat(log.askedLimit).isEqualTo(-1);
    assertThat(messages.errors)
        .containsExactly("Sign in with a console role to see what data-in dropped.");
  }
}
