package io.herald.webadmin.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.journeys.api.BroadcastRequest;
import io.herald.segments.api.SegmentType;
import io.herald.webadmin.fakes.FakeBroadcasts;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.FakeSegments;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class JourneyBroadcastsTest {

  private final FakeBroadcasts broadcasts = new FakeBroadcasts();
  private final FakeSegments segments = new FakeSegments(new FakePeople());
  private final Messages messages = new Messages();

  private JourneyBroadcasts panel(FakeRoleUser user) {
    JourneyBroadcasts panel = new JourneyBroadcasts();
    panel.broadcasts = broadcasts;
    panel.segments = segments;
    panel.workspaces = new OneWorkspace();
    panel.user = user;
    panel.messages = messages;
    return panel;
  }

  @Test
  void schedulesNowAtAWorkspaceTimeOrAtEachPersonsLocalTime() {
    long list = segments.add("Newsletter list", SegmentType.MANUAL).id();
    JourneyBroadcasts panel = panel(FakeRoleUser.editor());
    assertThat(panel.getSegments()).extracting(s -> s.name()).containsExactly("Newsletter list");

    panel.setSegmentId(list);
    panel.setData("{\"issue\":\"December\"}");
    panel.setPerMinute(500);
    assertThat(panel.schedule(9)).isEqualTo("/journey?faces-redirect=true&id=9");
    BroadcastRequest now = broadcasts.requests.get(0);
    assertThat(now.segmentId()).isEqualTo(list);
    assertThat(now.sendAt()).isNull();
    assertThat(now.localTime()).isNull();
    assertThat(now.perMinute()).isEqualTo(500);
    assertThat(now.data().getString("issue")).isEqualTo("December");

    panel.setWhen(JourneyBroadcasts.AT);
    panel.setTime("2026-12-24T09:00");
    panel.schedule(9);
    assertThat(broadcasts.requests.get(1).sendAt())
        .isEqualTo(Instant.parse("2026-12-24T09:00:00Z"));

    panel.setWhen(JourneyBroadcasts.LOCAL);
    panel.schedule(9);
    assertThat(broadcasts.requests.get(2).localTime())
        .isEqualTo(LocalDateTime.parse("2026-12-24T09:00"));
    assertThat(panel.list(9)).hasSize(3);
    assertThat(messages.infos).contains("Broadcast 1 is scheduled.");
  }

  @Test
  void refusesWithAReasonAndCancels() {
    JourneyBroadcasts panel = panel(FakeRoleUser.editor());
    assertThat(panel.schedule(9)).isNull();
    assertThat(messages.errors).contains("Broadcast not scheduled: choose the audience segment.");

    panel.setSegmentId(segments.add("List", SegmentType.MANUAL).id());
    panel.setWhen(JourneyBroadcasts.AT);
    panel.setTime("tomorrow");
    assertThat(panel.schedule(9)).isNull();
    assertThat(messages.errors)
        .contains("Broadcast not scheduled: the time must look like 2026-12-24T09:00.");
    panel.setWhen(JourneyBroadcasts.NOW);
    panel.setData("[1]");
    assertThat(panel.schedule(9)).isNull();
    assertThat(messages.errors).contains("Broadcast not scheduled: data must be a JSON object.");
    assertThat(broadcasts.requests).isEmpty();

    panel.setData("{}");
    panel.schedule(9);
    assertThat(panel.cancellable(panel.list(9).get(0))).isTrue();
    assertThat(panel.cancel(9, 1)).isEqualTo("/journey?faces-redirect=true&id=9");
    assertThat(panel.cancellable(panel.list(9).get(0))).isFalse();
    assertThat(panel.cancel(9, 1)).isNull();
    assertThat(messages.errors).contains("Broadcast not cancelled: broadcast 1 is cancelled.");

    JourneyBroadcasts viewer = panel(FakeRoleUser.viewer());
    assertThat(viewer.cancel(9, 1)).isNull();
    assertThat(messages.errors).contains("Only admins and editors may broadcast.");
    assertThat(viewer.list(9)).hasSize(1);
  }
}
