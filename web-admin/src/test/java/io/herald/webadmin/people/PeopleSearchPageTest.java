package io.herald.webadmin.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.people.api.IdType;
import io.herald.people.api.PeopleQuery;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeopleSearchPageTest {

  private final FakePeople people = new FakePeople();
  private final Messages messages = new Messages();

  private PeopleSearchPage page(FakeRoleUser user, String q) {
    PeopleSearchPage page = new PeopleSearchPage();
    page.people = people;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setQ(q);
    page.load();
    return page;
  }

  private static List<PersonView> load(PeopleSearchPage page, int first) {
    page.getModel().setRowCount(page.getModel().count(Map.of()));
    return page.getModel().load(first, PeopleSearchPage.PAGE_SIZE, Map.of(), Map.of());
  }

  @Test
  void aViewerPagesThroughEveryoneNewestFirstWithoutATotal() {
    people.addMany(30);
    PeopleSearchPage page = page(FakeRoleUser.viewer(), null);

    List<PersonView> first = load(page, 0);
    assertThat(first).hasSize(25);
    assertThat(first.get(0).cioId()).isEqualTo("c30");
    assertThat(first.get(24).cioId()).isEqualTo("c6");
    // The rows seen plus one: the paginator offers the next page, and there is no count query.
    assertThat(page.getModel().getRowCount()).isEqualTo(26);
    assertThat(page.isMore()).isTrue();

    List<PersonView> second = load(page, 25);
    assertThat(second).extracting(PersonView::cioId).containsExactly("c5", "c4", "c3", "c2", "c1");
    assertThat(page.getModel().getRowCount()).isEqualTo(30);
    assertThat(page.isMore()).isFalse();

    assertThat(load(page, 0).get(0).cioId()).as("back to the first page").isEqualTo("c30");
    assertThat(page.getModel().getRowCount()).isEqualTo(30);
    assertThat(people.queries).allMatch(q -> q instanceof PeopleQuery.Everyone);
    assertThat(messages.errors).isEmpty();
  }

  @Test
  void anOffsetNoPageLedToStartsAtTheFirstPage() {
    people.addMany(30);
    PeopleSearchPage page = page(FakeRoleUser.viewer(), "");

    assertThat(load(page, 50).get(0).cioId()).isEqualTo("c30");
  }

  @Test
  void searchTextIsAnIdentifierSearchAndNameEqualsValueAnAttributeSearch() {
    people.addMany(3);
    people.add(4, Json.createObjectBuilder().add("plan", "pro").build(), Map.of());

    PeopleSearchPage byId = page(FakeRoleUser.viewer(), " u2 ");
    assertThat(load(byId, 0)).extracting(PersonView::cioId).containsExactly("c2");
    assertThat(byId.isAttributeSearch()).isFalse();

    PeopleSearchPage byAttribute = page(FakeRoleUser.viewer(), "plan = pro");
    assertThat(load(byAttribute, 0)).extracting(PersonView::cioId).containsExactly("c4");
    assertThat(byAttribute.isAttributeSearch()).isTrue();

    assertThat(people.queries)
        .containsExactly(
            new PeopleQuery.Identifier("u2"), new PeopleQuery.AttributeEquals("plan", "pro"));
  }

  @Test
  void aSuppressedIdentifierIsNoted() {
    people.suppressed.add(new PersonRef(IdType.EMAIL, "gone@example.com"));

    assertThat(page(FakeRoleUser.viewer(), "gone@example.com").isSuppressed()).isTrue();
    assertThat(page(FakeRoleUser.viewer(), "gone@example.co").isSuppressed()).isFalse();
    assertThat(page(FakeRoleUser.viewer(), "email = gone@example.com").isSuppressed()).isFalse();
  }

  @Test
  void anInvalidSearchIsRefusedWithTheReason() {
    people.addMany(1);
    PeopleSearchPage page = page(FakeRoleUser.viewer(), " = pro");

    assertThat(messages.errors)
        .containsExactly("Search not run: attribute name must not be blank.");
    assertThat(load(page, 0)).isEmpty();
    assertThat(people.queries).isEmpty();
  }

  @Test
  void aSearchThatTimesOutSaysSoAndShowsNothing() {
    people.addMany(1);
    people.timesOut = true;
    PeopleSearchPage page = page(FakeRoleUser.viewer(), "plan = rare");

    assertThat(load(page, 0)).isEmpty();
    assertThat(page.isMore()).isFalse();
    assertThat(messages.errors).singleElement().asString().contains("took too long");
  }

  @Test
  void aCallerWithoutAConsoleRoleSeesNobody() {
    people.addMany(3);
    PeopleSearchPage page = page(FakeRoleUser.noRole(), "u1");

    assertThat(load(page, 0)).isEmpty();
    assertThat(people.queries).isEmpty();
    assertThat(messages.errors).containsExactly("Sign in with a console role to see people.");
  }
}
