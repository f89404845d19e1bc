package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Looking people up on a real MariaDB (embedded): {@link DefaultPeopleService#find} (plain JDBC)
 * against the entity's view, {@link DefaultPeopleService#findAll} against {@code find} per ref, and
 * {@link DefaultPeopleService#findByPhoneNumber} on the phone attribute's E.164 form.
 */
class PeopleLookupsIT extends PeopleDatabaseTest {

  @Test
  void findReadsThePersonAsTheEntityHoldsItByEveryIdentifier() throws Exception {
    writer.gate.countDown();
    identify(
            "rich",
            Json.createObjectBuilder()
                .add("email", "Rich@Example.com")
                .add("phone", "+1 555 010 0777")
                .add("plan", "pro")
                .add("ltv", 1234.5)
                .add("tags", Json.createArrayBuilder().add("a").add("b"))
                .add("address", Json.createObjectBuilder().add("city", "Lyon"))
                .add("unsubscribed", true)
                .build())
        .get(10, TimeUnit.SECONDS);
    identify("rich", Json.createObjectBuilder().add("plan", "enterprise").build())
        .get(10, TimeUnit.SECONDS);
    EntityManager em = emf.createEntityManager();
    try {
      service.people = repository(em);
      WorkspaceId ws = new WorkspaceId(workspace);
      PersonView found = service.find(ws, new PersonRef(IdType.ID, "rich")).orElseThrow();

      Person entity =
          service.people.find(workspace, new PersonRef(IdType.ID, "rich")).orElseThrow();
      assertThat(found).isEqualTo(entity.view());
      assertThat(found.email()).isEqualTo("Rich@Example.com");
      assertThat(found.attributes().getString("plan")).isEqualTo("enterprise");
      assertThat(found.attributes().getJsonObject("address").getString("city")).isEqualTo("Lyon");
      assertThat(found.timestamps()).containsKeys("plan", "ltv", "tags");
      assertThat(found.unsubscribed()).isTrue();
      assertThat(found.createdAt()).isNotNull();
      assertThat(found.updatedAt()).isAfterOrEqualTo(found.createdAt());
      for (PersonRef ref :
          List.of(
              new PersonRef(IdType.EMAIL, "RICH@example.COM"),
              new PersonRef(IdType.CIO_ID, found.cioId()),
              new PersonRef(IdType.PHONE, personColumn("phone", "rich")))) {
        assertThat(service.find(ws, ref)).as(ref.toString()).contains(found);
      }
      assertThat(service.find(ws, new PersonRef(IdType.ID, "nobody"))).isEmpty();
      assertThat(service.find(new WorkspaceId(workspace + 1_000), new PersonRef(IdType.ID, "rich")))
          .isEmpty();
    } finally {
      em.close();
    }
  }

  @Test
  void findAllGivesWhatFindGivesForEachRefInOneQueryPerIdentifierType() throws Exception {
    writer.gate.countDown();
    for (int i = 1; i <= 3; i++) {
      identify("f" + i, Json.createObjectBuilder().add("email", "F" + i + "@Example.com").build())
          .get(10, TimeUnit.SECONDS);
    }
    EntityManager em = emf.createEntityManager();
    try {
      service.people = repository(em);
      WorkspaceId ws = new WorkspaceId(workspace);
      PersonRef byId = new PersonRef(IdType.ID, "f1");
      PersonRef byEmail = new PersonRef(IdType.EMAIL, "f2@EXAMPLE.com");
      String cioOf3 = service.find(ws, new PersonRef(IdType.ID, "f3")).orElseThrow().cioId();
      PersonRef byCioId = new PersonRef(IdType.CIO_ID, cioOf3);
      PersonRef missing = new PersonRef(IdType.ID, "nobody");
      PersonRef alsoF1 = new PersonRef(IdType.EMAIL, "f1@example.com");

      var found = service.findAll(ws, List.of(byId, byEmail, byCioId, missing, alsoF1));

      assertThat(found).containsOnlyKeys(byId, byEmail, byCioId, alsoF1);
      for (PersonRef ref : found.keySet()) {
        assertThat(found.get(ref)).isEqualTo(service.find(ws, ref).orElseThrow());
      }
      assertThat(found.get(byId).cioId()).isEqualTo(found.get(alsoF1).cioId());
      assertThat(found.get(byEmail).email()).isEqualTo("F2@Example.com");
      assertThat(service.findAll(ws, List.of())).isEmpty();
    } finally {
      em.close();
    }
  }

  @Test
  void findByPhoneNumberMatchesThePhoneAttributeInE164Form() throws Exception {
    writer.gate.countDown();
    identify("p1", Json.createObjectBuilder().add("phone", "+1 (555) 010-0123").build())
        .get(10, TimeUnit.SECONDS);
    identify("p2", Json.createObjectBuilder().add("phone", "0044 20 7946 0958").build())
        .get(10, TimeUnit.SECONDS);
    identify("p3", Json.createObjectBuilder().add("phone", "020 7946 0958").build())
        .get(10, TimeUnit.SECONDS);
    assertThat(personColumn("phone_e164", "p1")).isEqualTo("+15550100123");
    assertThat(personColumn("phone_e164", "p3")).isNull();
    EntityManager em = emf.createEntityManager();
    try {
      service.people = repository(em);
      WorkspaceId ws = new WorkspaceId(workspace);
      assertThat(service.findByPhoneNumber(ws, "+15550100123"))
          .extracting(PersonView::id)
          .containsExactly("p1");
      assertThat(service.findByPhoneNumber(ws, "15550100123"))
          .extracting(PersonView::id)
          .containsExactly("p1");
      assertThat(service.findByPhoneNumber(ws, "+442079460958"))
          .extracting(PersonView::id)
          .containsExactly("p2");
      assertThat(service.findByPhoneNumber(ws, "020 7946 0958")).isEmpty();
      assertThat(service.findByPhoneNumber(new WorkspaceId(workspace + 1_000), "+15550100123"))
          .isEmpty();
    } finally {
      em.close();
    }

    // Changing the attribute moves the number; removing it clears it.
    identify("p1", Json.createObjectBuilder().add("phone", "+1 555 010 0999").build())
        .get(10, TimeUnit.SECONDS);
    assertThat(personColumn("phone_e164", "p1")).isEqualTo("+15550100999");
    identify("p1", Json.createObjectBuilder().add("phone", JsonValue.NULL).build())
        .get(10, TimeUnit.SECONDS);
    assertThat(personColumn("phone_e164", "p1")).isNull();
  }
}
