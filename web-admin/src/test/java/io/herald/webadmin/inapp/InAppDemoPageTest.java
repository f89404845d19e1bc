package io.herald.webadmin.inapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.inapp.api.InAppContent;
import io.herald.inapp.api.InAppInbox;
import io.herald.inapp.api.InAppMessage;
import io.herald.inapp.api.SdkTokens;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InAppDemoPageTest {

  private static final WorkspaceId WS = new WorkspaceId(1);

  private final FakePeople people = new FakePeople();
  private final Messages messages = new Messages();
  private final List<InAppMessage> queued = new ArrayList<>();
  private final List<CredentialView> credentials = new ArrayList<>();

  private final InAppInbox inbox =
      new InAppInbox() {
        @Override
        public InAppMessage queue(
            WorkspaceId workspace, String cioId, String deliveryId, InAppContent content) {
          InAppMessage m =
              new InAppMessage(deliveryId, cioId, content, "pending", Instant.EPOCH, Instant.EPOCH);
          queued.add(m);
          return m;
        }

        @Override
        public List<InAppMessage> recent(WorkspaceId workspace, String cioId, int limit) {
          return queued.stream().filter(m -> m.cioId().equals(cioId)).toList();
        }
      };

  private final SdkTokens tokens =
      (workspace, cioId) -> new SdkTokens.IssuedToken("token-of-" + cioId, Instant.EPOCH);

  @BeforeEach
  void data() {
    people.add(1, JsonProvider.provider().createObjectBuilder().build(), Map.of());
    credentials.add(
        new CredentialView(
            2, WS, CredentialKind.TRACK, "old", "site-old", "…", Instant.EPOCH, Instant.EPOCH));
    credentials.add(
        new CredentialView(3, WS, CredentialKind.APP, "app", null, "…", Instant.EPOCH, null));
    credentials.add(
        new CredentialView(
            4, WS, CredentialKind.TRACK, "live", "site-live", "…", Instant.EPOCH, null));
  }

  private InAppDemoPage page(FakeRoleUser user, String person) {
    InAppDemoPage page = new InAppDemoPage();
    page.inbox = inbox;
    page.tokens = tokens;
    page.people = people;
    page.workspaces = workspaces();
    page.user = user;
    page.messages = messages;
    page.setPerson(person);
    return page;
  }

  private WorkspaceService workspaces() {
    return (WorkspaceService)
        Proxy.newProxyInstance(
            WorkspaceService.class.getClassLoader(),
            new Class<?>[] {WorkspaceService.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "defaultWorkspace" ->
                      Optional.of(new WorkspaceView(WS, "Default", Instant.EPOCH));
                  case "credentials" -> credentials;
                  default -> throw new AssertionError("unexpected " + method.getName());
                });
  }

  @Test
  void sendingQueuesTheMessageAndReopensThePageForThePerson() {
    InAppDemoPage page = page(FakeRoleUser.editor(), "u1@example.com");
    page.setTitle("Hi");
    page.setText("There");
    page.setType("banner");
    page.setButtonLabel("Go");
    page.setButtonUrl("https://example.com/go");

    String outcome = page.send();

    assertThat(outcome)
        .isEqualTo("/inapp-demo?faces-redirect=true&person=u1%40example.com&transport=poll");
    assertThat(queued).hasSize(1);
    InAppMessage m = queued.get(0);
    assertThat(m.deliveryId()).matches("demo_[0-9a-f]{32}");
    assertThat(m.cioId()).isEqualTo("c1");
    assertThat(m.content().type()).isEqualTo("banner");
    assertThat(m.content().buttons().get(0).url()).isEqualTo("https://example.com/go");
    assertThat(messages.infos).singleElement().asString().contains("queued for u1@example.com");
    assertThat(messages.keptForRedirect).isTrue();
  }

  @Test
  void anEmptyUrlMakesADismissButtonAndBadContentIsRefused() {
    InAppDemoPage page = page(FakeRoleUser.admin(), "u1");
    page.setButtonUrl("");
    page.setTransport("sse");
    assertThat(page.send()).endsWith("&transport=sse");
    assertThat(queued.get(0).content().buttons().get(0).action()).isEqualTo("dismiss");

    InAppDemoPage bad = page(FakeRoleUser.admin(), "u1");
    bad.setButtonUrl("javascript:alert(1)");
    assertThat(bad.send()).isNull();
    assertThat(messages.errors)
        .containsExactly("Message not sent: buttons[0].url must be an absolute http or https URL.");
    assertThat(queued).hasSize(1);
  }

  @Test
  void unknownPeopleAndViewersAreRefused() {
    assertThat(page(FakeRoleUser.editor(), "nobody").send()).isNull();
    assertThat(page(FakeRoleUser.viewer(), "u1").send()).isNull();
    assertThat(messages.errors)
        .containsExactly(
            "Message not sent: there is no person nobody.",
            "Only admins and editors may send test messages.");
    assertThat(queued).isEmpty();
  }

  @Test
  void loadingEmbedsTheSdkWithTheLiveSiteIdAndAToken() {
    page(FakeRoleUser.editor(), "u1").send();

    InAppDemoPage page = page(FakeRoleUser.editor(), "cio_c1");
    page.load();

    assertThat(page.isEmbedded()).isTrue();
    assertThat(page.getSiteId()).isEqualTo("site-live");
    assertThat(page.getToken()).isEqualTo("token-of-c1");
    assertThat(page.getRecent()).hasSize(1);
  }

  @Test
  void withoutAPersonOrATrackKeyNothingIsEmbedded() {
    InAppDemoPage none = page(FakeRoleUser.editor(), null);
    none.load();
    assertThat(none.isEmbedded()).isFalse();

    credentials.removeIf(c -> c.kind() == CredentialKind.TRACK);
    InAppDemoPage noKey = page(FakeRoleUser.editor(), "u1");
    noKey.load();
    assertThat(noKey.isEmbedded()).isFalse();
    assertThat(messages.errors).singleElement().asString().contains("create a Track API key");

    InAppDemoPage viewer = page(FakeRoleUser.viewer(), "u1");
    viewer.load();
    assertThat(viewer.isEmbedded()).isFalse();
  }
}
