package io.herald.webadmin.segments;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.people.api.IdType;
import io.herald.segments.api.MembershipChange;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.webadmin.fakes.FakeDataSegments;
import io.herald.webadmin.fakes.FakePart;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.FakeSegments;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SegmentPageTest {

  private final FakePeople people = new FakePeople();
  private final FakeSegments segments = new FakeSegments(people);
  private final FakeDataSegments dataSegments = new FakeDataSegments(segments);
  private final Messages messages = new Messages();
  private final SegmentView vips = segments.add("VIPs", SegmentType.MANUAL);

  SegmentPageTest() {
    for (int i = 1; i <= 30; i++) {
      people.add(i, Json.createObjectBuilder().build(), Map.of());
    }
  }

  private SegmentPage page(FakeRoleUser user, long id, long after) {
    SegmentPage page = new SegmentPage();
    page.segments = segments;
    page.dataSegments = dataSegments;
    page.people = people;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setId(id);
    page.setAfter(after);
    page.load();
    return page;
  }

  @Test
  void showsAPageOfMembersWithTheirIdentifiersAndTheCursorOfTheNext() {
    IntStream.rangeClosed(1, 27).forEach(i -> segments.members.get(vips.id()).add("c" + i));

    SegmentPage first = page(FakeRoleUser.viewer(), vips.id(), 0);

    assertThat(first.getSegment()).isEqualTo(vips);
    assertThat(first.getCount()).isEqualTo(27);
    assertThat(first.getMembers()).hasSize(25);
    assertThat(first.getMembers().get(0))
        .isEqualTo(new SegmentPage.PersonRow("c1", "u1", "u1@example.com"));
    assertThat(first.getNext()).isEqualTo(25L);
    assertThat(first.isManual()).isTrue();

    SegmentPage second = page(FakeRoleUser.viewer(), vips.id(), first.getNext());
    assertThat(second.getMembers())
        .extracting(SegmentPage.PersonRow::cioId)
        .containsExactly("c26", "c27");
    assertThat(second.getNext()).isNull();
    assertThat(second.isPaged()).isTrue();
  }

  @Test
  void showsRecentEntersAndExitsWithTheirCauseAndPeopleWhoAreGone() {
    MembershipChange entered =
        new MembershipChange(2, vips.id(), "c3", true, "api", Instant.ofEpochSecond(20));
    MembershipChange exited =
        new MembershipChange(1, vips.id(), "gone", false, "api", Instant.ofEpochSecond(10));
    dataSegments.changes.put(vips.id(), List.of(entered, exited));

    SegmentPage page = page(FakeRoleUser.viewer(), vips.id(), 0);

    assertThat(page.getChanges())
        .containsExactly(
            new SegmentPage.ChangeRow(
                entered, new SegmentPage.PersonRow("c3", "u3", "u3@example.com")),
            new SegmentPage.ChangeRow(exited, new SegmentPage.PersonRow("gone", null, null)));
  }

  @Test
  void anUnknownSegmentSaysSo() {
    SegmentPage page = page(FakeRoleUser.viewer(), 999, 0);

    assertThat(page.getSegment()).isNull();
    assertThat(messages.errors).containsExactly("There is no segment 999.");
  }

  @Test
  void addsAndRemovesOnePersonByEmailOrId() {
    SegmentPage page = page(FakeRoleUser.editor(), vips.id(), 0);
    page.setIdType(IdType.EMAIL);
    page.setReference(" U2@Example.com ");
    page.addPerson();
    page.setReference("u2@example.com");
    page.addPerson();
    page.setIdType(IdType.ID);
    page.setReference("nobody");
    page.addPerson();

    assertThat(segments.members.get(vips.id())).containsExactly("c2");
    assertThat(page.getMembers()).extracting(SegmentPage.PersonRow::cioId).containsExactly("c2");
    assertThat(page.getReference()).isNull();
    assertThat(messages.infos)
        .containsExactly(
            "Added email U2@Example.com to the segment.",
            "email u2@example.com is already a member.");
    assertThat(messages.errors).containsExactly("No person has id nobody.");

    page.setReference("u2");
    page.removePerson();
    assertThat(segments.members.get(vips.id())).isEmpty();
    assertThat(messages.infos).last().isEqualTo("Removed id u2 from the segment.");
  }

  @Test
  void aBlankReferenceIsRefusedBeforeAnyCall() {
    SegmentPage page = page(FakeRoleUser.editor(), vips.id(), 0);
    page.setReference("  ");

    page.addPerson();

    assertThat(segments.addCalls).isEmpty();
    assertThat(messages.errors).containsExactly("Give the person's id: 1 to 150 bytes.");
  }

  @Test
  void aCsvUploadAddsEveryoneInChunksOfAThousandAndReportsWhatHappened() {
    segments.members.get(vips.id()).add("c1");
    String csv =
        "id\n"
            + IntStream.rangeClosed(1, 2500)
                .mapToObj(i -> i <= 30 ? "u" + i : "missing" + i)
                .collect(Collectors.joining("\n"));
    SegmentPage page = page(FakeRoleUser.editor(), vips.id(), 0);
    page.setFile(new FakePart(csv));

    page.upload();

    assertThat(segments.addCalls).containsExactly(1000, 1000, 500);
    assertThat(segments.members.get(vips.id())).hasSize(30);
    assertThat(page.getCount()).isEqualTo(30);
    assertThat(messages.infos)
        .containsExactly(
            "CSV uploaded: 2500 rows; 29 added, 1 already members, 2470 skipped (no person has that id).");
    assertThat(messages.errors).isEmpty();
  }

  @Test
  void aMalformedCsvAddsNobody() {
    SegmentPage page = page(FakeRoleUser.editor(), vips.id(), 0);
    page.setIdType(IdType.EMAIL);
    page.setFile(new FakePart("u1@example.com\nu2@example.com,Ada\n"));

    page.upload();

    assertThat(segments.addCalls).isEmpty();
    assertThat(messages.errors)
        .containsExactly(
            "CSV not uploaded: line 2 has 2 values; the file must have one column of emails."
                + " Nobody was added.");
  }

  @Test
  void anUploadWithoutAFileIsRefused() {
    SegmentPage page = page(FakeRoleUser.editor(), vips.id(), 0);

    page.upload();

    assertThat(messages.errors).containsExactly("Choose a CSV file with one column of ids.");
  }

  @Test
  void aDataSegmentTakesNoManualMembers() {
    SegmentView data = segments.add("Active", SegmentType.DATA);
    SegmentPage page = page(FakeRoleUser.admin(), data.id(), 0);
    page.setReference("u1");
    page.addPerson();
    page.setFile(new FakePart("u1\n"));
    page.upload();

    assertThat(page.isManual()).isFalse();
    assertThat(segments.addCalls).isEmpty();
    assertThat(messages.errors)
        .containsOnly(
            "Segment "
                + data.id()
                + " is a data segment: its members follow its conditions; change those.");
  }

  @Test
  void aViewerChangesNothing() {
    SegmentPage page = page(FakeRoleUser.viewer(), vips.id(), 0);
    page.setReference("u1");
    page.addPerson();
    page.setFile(new FakePart("u1\n"));
    page.upload();

    assertThat(page.delete()).isNull();
    assertThat(segments.addCalls).isEmpty();
    assertThat(segments.segments).containsKey(vips.id());
    assertThat(messages.errors)
        .containsOnly("Only admins and editors may change segments.")
        .hasSize(3);
  }

  @Test
  void aSegmentOtherConditionsUseIsNotDeleted() {
    SegmentView user = segments.add("Uses VIPs", SegmentType.DATA);
    segments.inUse.put(vips.id(), List.of(user));
    SegmentPage page = page(FakeRoleUser.editor(), vips.id(), 0);

    assertThat(page.delete()).isNull();
    assertThat(segments.segments).containsKey(vips.id());
    assertThat(page.getSegment()).isEqualTo(vips);
    assertThat(messages.errors)
        .containsExactly(
            "Segment not deleted: the conditions of “Uses VIPs” ("
                + user.id()
                + ") use it. Change those first.");
  }

  @Test
  void aDataSegmentIsDeletedToo() {
    SegmentView data = segments.add("Active", SegmentType.DATA);
    SegmentPage page = page(FakeRoleUser.admin(), data.id(), 0);

    assertThat(page.delete()).isEqualTo("/segments?faces-redirect=true");
    assertThat(segments.segments).doesNotContainKey(data.id());
  }

  @Test
  void deletingReturnsToTheListWithAMessage() {
    SegmentPage page = page(FakeRoleUser.editor(), vips.id(), 0);

    assertThat(page.delete()).isEqualTo("/segments?faces-redirect=true");
    assertThat(segments.segments).doesNotContainKey(vips.id());
    assertThat(messages.infos).containsExactly("Segment “VIPs” deleted.");
    assertThat(messages.keptForRedirect).isTrue();
  }
}
