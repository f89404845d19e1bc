package io.herald.webadmin.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.objects.api.ObjectIdentifiers;
import io.herald.webadmin.fakes.FakeObjects;
import io.herald.webadmin.fakes.FakePeople;
import io.herald.webadmin.fakes.FakeRoleUser;
import io.herald.webadmin.fakes.Messages;
import io.herald.webadmin.fakes.OneWorkspace;
import jakarta.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectPageTest {

  private final FakeObjects objects = new FakeObjects();
  private final FakePeople people = new FakePeople();
  private final Messages messages = new Messages();
  private final ObjectIdentifiers acme;

  ObjectPageTest() {
    objects.addType("1", "Companies");
    acme = objects.addObject("1", "acme", Json.createObjectBuilder().add("name", "Acme").build());
    ObjectIdentifiers team =
        objects.addObject("1", "acme-team", Json.createObjectBuilder().build());
    ObjectIdentifiers holding =
        objects.addObject("1", "holding", Json.createObjectBuilder().build());
    objects.link(acme, team, Json.createObjectBuilder().add("kind", "team").build());
    objects.link(holding, acme, Json.createObjectBuilder().build());
    people.add(1, Json.createObjectBuilder().build(), Map.of());
    objects.relate("c1", acme, Json.createObjectBuilder().add("role", "admin").build());
    objects.relate("c-gone", acme, Json.createObjectBuilder().build());
  }

  private ObjectPage page(FakeRoleUser user, String type, String id, String peopleAfter) {
    ObjectPage page = new ObjectPage();
    page.objects = objects;
    page.people = people;
    page.workspaces = new OneWorkspace();
    page.user = user;
    page.messages = messages;
    page.setType(type);
    page.setId(id);
    page.setPeopleAfter(peopleAfter);
    page.load();
    return page;
  }

  @Test
  void showsAttributesRelatedPeopleAndObjectRelationshipsBothWays() {
    ObjectPage page = page(FakeRoleUser.viewer(), "1", "acme", null);

    assertThat(page.getTypeName()).isEqualTo("Companies");
    assertThat(page.getObject().identifiers().cioObjectId()).isEqualTo("cio-acme");
    assertThat(page.getAttributes())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.name()).isEqualTo("name");
              assertThat(a.value()).isEqualTo("Acme");
              assertThat(a.setAt()).isNotNull();
            });
    assertThat(page.getRelatedPeople())
        .satisfiesExactly(
            known -> {
              assertThat(known.person().email()).isEqualTo("u1@example.com");
              assertThat(known.attributes()).isEqualTo("{\"role\":\"admin\"}");
            },
            // Related but since deleted: listed by cio_id, without id and email.
            gone -> assertThat(gone.person()).isNull());
    assertThat(page.getNextPeople()).isEmpty();
    assertThat(page.getChildren())
        .singleElement()
        .satisfies(l -> assertThat(l.link().child().objectId()).isEqualTo("acme-team"));
    assertThat(page.getParents())
        .singleElement()
        .satisfies(l -> assertThat(l.link().parent().objectId()).isEqualTo("holding"));
    assertThat(messages.errors).isEmpty();
  }

  @Test
  void relatedPeoplePageWithTheirToken() {
    for (int i = 2; i <= 60; i++) {
      objects.relate("c" + i, acme, Json.createObjectBuilder().build());
    }
    ObjectPage first = page(FakeRoleUser.viewer(), "1", "acme", null);
    assertThat(first.getRelatedPeople()).hasSize(ObjectPage.PEOPLE_PER_PAGE);
    assertThat(first.getNextPeople()).isNotEmpty();

    ObjectPage second = page(FakeRoleUser.viewer(), "1", "acme", first.getNextPeople());
    assertThat(second.getRelatedPeople()).hasSize(61 - ObjectPage.PEOPLE_PER_PAGE);
    assertThat(second.getNextPeople()).isEmpty();
  }

  @Test
  void anUnknownOrMalformedObjectIsSaidSo() {
    assertThat(page(FakeRoleUser.viewer(), "1", "nope", null).getObject()).isNull();
    assertThat(page(FakeRoleUser.viewer(), "x", "acme", null).getObject()).isNull();
    assertThat(messages.errors).hasSize(2);
    assertThat(messages.errors.get(0)).isEqualTo("There is no object nope of type 1.");
    assertThat(messages.errors.get(1)).startsWith("Object not shown: object_type_id");
  }

  @Test
  void aCallerWithoutAConsoleRoleSeesNothing() {
    ObjectPage page = page(FakeRoleUser.noRole(), "1", "acme", null);

    assertThat(page.getObject()).isNull();
    assertThat(page.getRelatedPeople()).isEmpty();
    assertThat(messages.errors).containsExactly("Sign in with a console role to see objects.");
  }
}
