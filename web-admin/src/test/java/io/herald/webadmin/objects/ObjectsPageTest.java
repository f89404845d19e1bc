package io.herald.webadmin.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.webadmin.fakes.FakeObjects;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class ObjectsPageTest {

  private final FakeObjects objects = new FakeObjects();
  private final Messages messages = new Messages();

  ObjectsPageTest() {
    objects.addType("1", "Companies");
    objects.addType("2", "Accounts");
    for (int i = 1; i <= 30; i++) {
      objects.addObject("1", "co-" + i, Json.createObjectBuilder().add("name", "Co " + i).build());
    }
    objects.addObject("2", "acct-1", Json.createObjectBuilder().build());
  }

  private ObjectsPage page(FakeRoleUser user, String type, String after) {
    ObjectsPage page = new ObjectsPage();
    page.objects = objects;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setType(type);
    page.setAfter(after);
    page.load();
    return page;
  }

  @Test
  void listsTheTypesAndPagesTheFirstTypesObjects() {
    ObjectsPage first = page(FakeRoleUser.viewer(), null, null);

    assertThat(first.getTypes()).extracting(t -> t.name()).containsExactly("Companies", "Accounts");
    assertThat(first.getSelected().id()).isEqualTo("1");
    assertThat(first.getRows()).hasSize(25);
    assertThat(first.getRows().get(0).object().identifiers().objectId()).isEqualTo("co-1");
    assertThat(first.getRows().get(0).preview()).isEqualTo("{\"name\":\"Co 1\"}");
    assertThat(first.getNext()).isEqualTo("25");
    assertThat(first.isPaged()).isFalse();

    ObjectsPage second = page(FakeRoleUser.viewer(), "1", first.getNext());
    assertThat(second.getRows()).hasSize(5);
    assertThat(second.getNext()).isEmpty();
    assertThat(second.isPaged()).isTrue();
    assertThat(objects.searches).extracting(r -> r.limit()).containsOnly(ObjectsPage.PAGE_SIZE);
  }

  @Test
  void theSelectedTypeIsListed() {
    ObjectsPage page = page(FakeRoleUser.admin(), "2", null);

    assertThat(page.getSelected().name()).isEqualTo("Accounts");
    assertThat(page.getRows())
        .extracting(r -> r.object().identifiers().objectId())
        .containsExactly("acct-1");
  }

  @Test
  void anUnknownTypeOrABadTokenIsSaidSo() {
    assertThat(page(FakeRoleUser.viewer(), "9", null).getRows()).isEmpty();
    assertThat(page(FakeRoleUser.viewer(), "1", "not-a-token").getRows()).isEmpty();
    assertThat(messages.errors)
        .containsExactly(
            "There is no object type 9.",
            "Objects not listed: start: is not a token from a previous page's next.");
  }

  @Test
  void aCallerWithoutAConsoleRoleSeesNothing() {
    ObjectsPage page = page(FakeRoleUser.noRole(), null, null);

    assertThat(page.getTypes()).isEmpty();
    assertThat(page.getRows()).isEmpty();
    assertThat(objects.searches).isEmpty();
    assertThat(messages.errors).containsExactly("Sign in with a console role to see objects.");
  }
}
