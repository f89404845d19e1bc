package io.herald.webadmin.segments;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.MembershipGrowth;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.webadmin.fakes.FakeHistory;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.FakeSegments;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentsPageTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private final FakePeople people = new FakePeople();
  private final FakeSegments segments = new FakeSegments(people);
  private final FakeHistory history = new FakeHistory();
  private final Messages messages = new Messages();

  private SegmentsPage page(FakeRoleUser user) {
    SegmentsPage page = new SegmentsPage();
    page.segments = segments;
    page.history = history;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    page.load();
    return page;
  }

  @Test
  void listsEverySegmentWithItsTypeCountAndGrowthOverTheLastSevenDays() {
    people.add(1, Json.createObjectBuilder().build(), Map.of());
    people.add(2, Json.createObjectBuilder().build(), Map.of());
    SegmentView vips = segments.add("VIPs", SegmentType.MANUAL);
    SegmentView active = segments.add("Active", SegmentType.DATA);
    segments.members.get(vips.id()).addAll(List.of("c1", "c2"));
    history.growth.put(vips.id(), new MembershipGrowth(5, 3));

    SegmentsPage page = page(FakeRoleUser.viewer());

    assertThat(history.askedSince).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
    assertThat(page.getRows())
        .containsExactly(
            new SegmentsPage.SegmentRow(vips, 2, new MembershipGrowth(5, 3)),
            new SegmentsPage.SegmentRow(active, 0, MembershipGrowth.NONE));
    assertThat(page.getRows().get(0).growth().net()).isEqualTo(2);
    assertThat(messages.errors).isEmpty();
  }

  @Test
  void anEditorCreatesAManualSegmentAndIsSentToIt() {
    SegmentsPage page = page(FakeRoleUser.editor());
    page.setName("  Beta testers ");
    page.setDescription("Signed up for the beta");

    String outcome = page.createManual();

    SegmentView created = segments.segments.values().iterator().next();
    assertThat(created.name()).isEqualTo("Beta testers");
    assertThat(created.type()).isEqualTo(SegmentType.MANUAL);
    assertThat(outcome).isEqualTo("/segment?faces-redirect=true&id=" + created.id());
    assertThat(messages.infos).containsExactly("Segment “Beta testers” created. Add people below.");
    assertThat(messages.keptForRedirect).isTrue();
  }

  @Test
  void aRefusedNameStaysOnThePageWithTheReason() {
    SegmentsPage page = page(FakeRoleUser.admin());
    page.setName(" ");

    assertThat(page.createManual()).isNull();
    assertThat(messages.errors).containsExactly("Segment not created: segment.name is required.");
    assertThat(segments.segments).isEmpty();
  }

  @Test
  void aViewerCreatesNothing() {
    SegmentsPage page = page(FakeRoleUser.viewer());
    page.setName("Sneaky");

    assertThat(page.createManual()).isNull();
    assertThat(messages.errors).containsExactly("Only admins and editors may create segments.");
    assertThat(segments.segments).isEmpty();
  }

  @Test
  void aCallerWithoutARoleSeesNothing() {
    segments.add("VIPs", SegmentType.MANUAL);

    SegmentsPage page = page(FakeRoleUser.noRole());

    assertThat(page.getRows()).isEmpty();
    assertThat(history.askedSince).isNull();
    assertThat(messages.errors).containsExactly("Sign in with a console role to see segments.");
  }
}
