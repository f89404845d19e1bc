package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Custom objects end to end through the App API: object types and their limit, object identify
 * (Herald's {@code PUT /v1/objects/…}) with Customer.io's attribute semantics and limits, person
 * and object relationships read both ways, people merges and deletions following through to
 * relationships, search with eq/exists/and/or/not and paging, and bad input in the App API's error
 * shape with nothing stored changed. Runs on the embedded MariaDB and again on the server at
 * 127.0.0.1:3306 when one is reachable.
 */
class ObjectsIT extends ContainerTest {

  // ---- helpers ----------------------------------------------------------------------------

  private String newType() {
    Answer created =
        http().post("v1/object_types", Http.app(), "{\"name\":\"" + unique("Type") + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().at("/type/id").asText();
  }

  private Answer put(String type, String id, String body) {
    return http().put("v1/objects/" + type + "/" + id, Http.app(), body);
  }

  private JsonNode attributes(String type, String id) {
    Answer answer = http().get("v1/objects/" + type + "/" + id + "/attributes", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("object");
  }

  private String person(String id) {
    http().put("api/v1/customers/" + id, Http.track(), "{\"email\":\"" + id + "@example.com\"}");
    return http()
        .get("v1/customers/" + id + "/attributes", Http.app())
        .json()
        .at("/customer/identifiers/cio_id")
        .asText();
  }

  private static List<String> texts(JsonNode array, String pointer) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.at(pointer).asText()));
    return out;
  }

  // ---- object types -----------------------------------------------------------------------

  @Test
  void objectTypesAreListedCreatedOnceAndLimited() throws SQLException {
    String name = unique("Companies");
    Answer created = http().post("v1/object_types", Http.app(), "{\"name\":\"" + name + "\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().at("/type/id").asText();
    assertThat(id).matches("[1-9][0-9]*");
    Answer again =
        http().post("v1/object_types", Http.app(), "{\"name\":\"" + name.toUpperCase() + "\"}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().at("/type/id").asText()).isEqualTo(id);
    JsonNode types = http().get("v1/object_types", Http.app()).json().path("types");
    assertThat(texts(types, "/id")).contains(id);
    assertThat(texts(types, "/name")).contains(name);

    assertAppError(http().post("v1/object_types", Http.app(), "{\"name\":"), 400, "malformed JSON");
    assertAppError(http().post("v1/object_types", Http.app(), "[]"), 400, "JSON object");
    assertAppError(http().post("v1/object_types", Http.app(), "{\"name\":5}"), 400, "name");
    assertAppError(
        http().post("v1/object_types", Http.app(), "{\"name\":\"x\",\"icon\":\"y\"}"),
        400,
        "icon: is not known");
    assertAppError(
        http().post("v1/object_types", Http.app(), "{\"name\":\"" + "n".repeat(5000) + "\"}"),
        413,
        "larger than");
    assertThat(http().get("v1/object_types", null).status()).isEqualTo(401);
    assertThat(http().get("v1/object_types", Http.track()).status()).isEqualTo(401);

    // The limit: a workspace setting of "what exists + 1" allows exactly one more type.
    try (Connection db = Db.connect()) {
      long workspace = workspaceOfType(db, name);
      int count = types.size();
      try (PreparedStatement limit =
          db.prepareStatement(
              "INSERT INTO objects_workspace_settings (workspace_id, max_types) VALUES (?, ?)")) {
        limit.setLong(1, workspace);
        limit.setInt(2, count + 1);
        limit.executeUpdate();
      }
      try {
        assertThat(
                http()
                    .post("v1/object_types", Http.app(), "{\"name\":\"" + unique("Last") + "\"}")
                    .status())
            .isEqualTo(201);
        assertAppError(
            http().post("v1/object_types", Http.app(), "{\"name\":\"" + unique("Over") + "\"}"),
            400,
            "object_type_id: type");
        String unknownType = Integer.toString(maxTypeId() + 1);
        assertAppError(
            put(unknownType, "x", "{\"attributes\":{\"a\":1}}"), 400, "limit of " + (count + 1));
        assertAppError(
            http().get("v1/objects/" + unknownType + "/x/attributes", Http.app()),
            404,
            "no object");
        assertThat(http().get("v1/object_types", Http.app()).json().path("types"))
            .hasSize(count + 1);
      } finally {
        try (PreparedStatement clear =
            db.prepareStatement("DELETE FROM objects_workspace_settings WHERE workspace_id = ?")) {
          clear.setLong(1, workspace);
          clear.executeUpdate();
        }
      }
    }
  }

  private static long workspaceOfType(Connection db, String name) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement("SELECT workspace_id FROM objects_type WHERE name = ?")) {
      q.setString(1, name);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }

  private int maxTypeId() {
    JsonNode types = http().get("v1/object_types", Http.app()).json().path("types");
    return texts(types, "/id").stream().mapToInt(Integer::parseInt).max().orElse(0);
  }

  // ---- objects ----------------------------------------------------------------------------

  @Test
  void objectsAreCreatedUpdatedAndDeletedWithCustomerIoSemantics() {
    String type = newType();
    String id = unique("acme");
    Answer created =
        put(type, id, "{\"attributes\":{\"name\":\"Acme\",\"plan\":\"pro\",\"seats\":3}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode object = created.json().path("object");
    assertThat(object.at("/identifiers/object_type_id").asText()).isEqualTo(type);
    assertThat(object.at("/identifiers/object_id").asText()).isEqualTo(id);
    String cio = object.at("/identifiers/cio_object_id").asText();
    assertThat(cio).isNotBlank();
    assertThat(created.json().path("skipped_relationships")).isEmpty();

    Answer updated =
        put(type, id, "{\"attributes\":{\"plan\":null,\"seats\":\"\",\"tier\":\"gold\"}}");
    assertThat(updated.status()).isEqualTo(200);
    JsonNode stored = attributes(type, id);
    assertThat(stored.path("object_type_id").asText()).isEqualTo(type);
    assertThat(stored.path("attributes").toString())
        .isEqualTo("{\"name\":\"Acme\",\"tier\":\"gold\"}");
    assertThat(stored.path("timestamps").has("name")).isTrue();
    assertThat(stored.path("timestamps").has("plan")).isFalse();

    // By cio_object_id: update only.
    assertThat(
            http()
                .put(
                    "v1/objects/" + type + "/" + cio + "?id_type=cio_object_id",
                    Http.app(),
                    "{\"attributes\":{\"employees\":120}}")
                .status())
        .isEqualTo(200);
    JsonNode byCio =
        http()
            .get("v1/objects/" + type + "/" + cio + "/attributes?id_type=cio_object_id", Http.app())
            .json();
    assertThat(byCio.at("/object/attributes/employees").asInt()).isEqualTo(120);
    assertAppError(
        http()
            .put(
                "v1/objects/" + type + "/nope" + cio + "?id_type=cio_object_id",
                Http.app(),
                "{\"attributes\":{\"a\":1}}"),
        404,
        "no object with cio_object_id");

    // A new type id in an identify creates the type while under the limit.
    String fresh = Integer.toString(maxTypeId() + 1);
    assertThat(put(fresh, "first", "{}").status()).isEqualTo(201);
    assertThat(texts(http().get("v1/object_types", Http.app()).json().path("types"), "/name"))
        .contains("Type " + fresh);

    // Limits and bad input: 400/413 in the App API's shape, and the object is unchanged.
    String before = attributes(type, id).path("attributes").toString();
    assertAppError(
        put(type, id, "{\"attributes\":{\"bio\":\"" + "b".repeat(1001) + "\"}}"),
        400,
        "attributes.bio: value is 1001 bytes; the limit is 1000");
    assertAppError(
        put(type, id, "{\"attributes\":{\"" + "n".repeat(151) + "\":1}}"),
        400,
        "attribute name is 151 bytes");
    assertAppError(put(type, id, "{\"attributes\":" + manyAttributes(301, 1) + "}"), 400, "301");
    assertAppError(
        put(type, id, "{\"attributes\":" + manyAttributes(110, 990) + "}"),
        400,
        "attributes: would be");
    assertAppError(put(type, id, "{\"attributes\":"), 400, "malformed JSON");
    assertAppError(put(type, id, "{\"attributes\":[1]}"), 400, "attributes: must be an object");
    assertAppError(put(type, id, "{\"plan\":\"pro\"}"), 400, "plan: is not known");
    assertAppError(put(type, id, "\"text\""), 400, "JSON object");
    assertAppError(
        put(type, id, "{\"attributes\":{\"x\":\"" + "x".repeat(600 * 1024) + "\"}}"),
        413,
        "larger than");
    assertAppError(put("abc", id, "{}"), 400, "object_type_id");
    assertAppError(put(type, "x".repeat(151), "{}"), 400, "object_id: is 151 bytes");
    assertThat(http().put("v1/objects/" + type + "/" + id, null, "{}").status()).isEqualTo(401);
    assertThat(attributes(type, id).path("attributes").toString()).isEqualTo(before);

    assertAppError(
        http().get("v1/objects/" + type + "/" + unique("none") + "/attributes", Http.app()),
        404,
        "no object");
    assertAppError(
        http().get("v1/objects/" + type + "/" + id + "/attributes?id_type=email", Http.app()),
        400,
        "id_type");

    assertThat(http().delete("v1/objects/" + type + "/" + id, Http.app()).body()).isEqualTo("{}");
    assertThat(http().get("v1/objects/" + type + "/" + id + "/attributes", Http.app()).status())
        .isEqualTo(404);
    assertAppError(http().delete("v1/objects/" + type + "/" + id, Http.app()), 404, "no object");
    assertThat(http().delete("v1/objects/" + type + "/" + id, null).status()).isEqualTo(401);
  }

  private static String manyAttributes(int count, int valueLength) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":\"");
      json.append("v".repeat(valueLength)).append('"');
    }
    return json.append('}').toString();
  }

  // ---- person relationships -----------------------------------------------------------------

  @Test
  void relationshipsLinkPeopleAndObjectsWithAttributesBothWays() {
    String type = newType();
    String acme = unique("acme");
    String ada = unique("ada");
    String bob = unique("bob");
    String adaCio = person(ada);
    String bobCio = person(bob);
    Answer created =
        put(
            type,
            acme,
            "{\"attributes\":{\"name\":\"Acme\"},\"cio_relationships\":["
                + "{\"identifiers\":{\"id\":\""
                + ada
                + "\"},\"relationship_attributes\":{\"role\":\"admin\"}},"
                + "{\"identifiers\":{\"email\":\""
                + bob
                + "@example.com\"}},"
                + "{\"identifiers\":{\"id\":\"nobody-"
                + ada
                + "\"}}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().at("/skipped_relationships/0/identifiers/id").asText())
        .isEqualTo("nobody-" + ada);

    JsonNode related =
        http().get("v1/objects/" + type + "/" + acme + "/relationships", Http.app()).json();
    assertThat(related.path("next").asText()).isEmpty();
    JsonNode rels = related.path("cio_relationships");
    assertThat(texts(rels, "/identifiers/cio_id")).containsExactly(adaCio, bobCio);
    assertThat(rels.at("/0/identifiers/id").asText()).isEqualTo(ada);
    assertThat(rels.at("/1/identifiers/email").asText()).isEqualTo(bob + "@example.com");
    assertThat(rels.at("/0/relationship_attributes/role").asText()).isEqualTo("admin");

    // From the person's side, by id and by email.
    JsonNode ofAda = http().get("v1/customers/" + ada + "/relationships", Http.app()).json();
    assertThat(ofAda.at("/cio_relationships/0/identifiers/object_type_id").asText())
        .isEqualTo(type);
    assertThat(ofAda.at("/cio_relationships/0/identifiers/object_id").asText()).isEqualTo(acme);
    assertThat(ofAda.at("/cio_relationships/0/identifiers/cio_object_id").asText()).isNotBlank();
    assertThat(ofAda.at("/cio_relationships/0/relationship_attributes/role").asText())
        .isEqualTo("admin");
    assertThat(
            http()
                .get(
                    "v1/customers/" + bob + "%40example.com/relationships?id_type=email",
                    Http.app())
                .json()
                .path("cio_relationships"))
        .hasSize(1);

    // Relating again merges the relationship's attributes.
    put(
        type,
        acme,
        "{\"cio_relationships\":[{\"identifiers\":{\"cio_id\":\""
            + adaCio
            + "\"},\"relationship_attributes\":{\"role\":null,\"seat\":\"owner\"}}]}");
    assertThat(
            http()
                .get("v1/customers/" + ada + "/relationships", Http.app())
                .json()
                .at("/cio_relationships/0/relationship_attributes")
                .toString())
        .isEqualTo("{\"seat\":\"owner\"}");

    // Paging.
    JsonNode first =
        http().get("v1/objects/" + type + "/" + acme + "/relationships?limit=1", Http.app()).json();
    assertThat(first.path("cio_relationships")).hasSize(1);
    String next = first.path("next").asText();
    assertThat(next).isNotEmpty();
    JsonNode second =
        http()
            .get(
                "v1/objects/" + type + "/" + acme + "/relationships?limit=1&start=" + next,
                Http.app())
            .json();
    assertThat(texts(second.path("cio_relationships"), "/identifiers/cio_id"))
        .containsExactly(bobCio);
    assertThat(second.path("next").asText()).isEmpty();

    // Bad input changes nothing.
    assertAppError(
        put(
            type,
            acme,
            "{\"cio_relationships\":[{\"identifiers\":{\"id\":\""
                + ada
                + "\"},\"relationship_attributes\":{\"note\":\""
                + "n".repeat(1001)
                + "\"}}]}"),
        400,
        "cio_relationships[0].relationship_attributes.note: value is 1001 bytes");
    assertAppError(
        put(type, acme, "{\"cio_relationships\":[{\"identifiers\":{\"phone\":\"1\"}}]}"),
        400,
        "cio_relationships[0].identifiers.phone");
    assertAppError(
        http().get("v1/objects/" + type + "/" + acme + "/relationships?limit=0", Http.app()),
        400,
        "limit");
    assertAppError(
        http().get("v1/objects/" + type + "/" + acme + "/relationships?start=abc", Http.app()),
        400,
        "start");
    assertAppError(
        http().get("v1/customers/" + unique("nobody") + "/relationships", Http.app()),
        404,
        "no customer");
    assertAppError(
        http().get("v1/customers/" + ada + "/relationships?id_type=phone", Http.app()),
        400,
        "id_type");
    assertAppError(
        http().get("v1/objects/" + type + "/" + unique("none") + "/relationships", Http.app()),
        404,
        "no object");
    assertThat(http().get("v1/customers/" + ada + "/relationships", null).status()).isEqualTo(401);
    assertThat(
            http()
                .get("v1/customers/" + ada + "/relationships", Http.app())
                .json()
                .at("/cio_relationships/0/relationship_attributes/seat")
                .asText())
        .isEqualTo("owner");

    // Removing one relationship.
    String path = "v1/objects/" + type + "/" + acme + "/relationships/" + adaCio;
    assertThat(http().delete(path, Http.app()).body()).isEqualTo("{}");
    assertAppError(http().delete(path, Http.app()), 404, "no relationship");
    assertThat(
            http()
                .get("v1/customers/" + ada + "/relationships", Http.app())
                .json()
                .path("cio_relationships"))
        .isEmpty();
  }

  @Test
  void objectsRelateToObjectsAsParentsAndChildren() {
    String company = newType();
    String region = newType();
    String parent = unique("parent");
    String child = unique("child");
    String sibling = unique("sibling");
    Answer created =
        put(
            company,
            parent,
            "{\"object_relationships\":["
                + "{\"identifiers\":{\"object_type_id\":\""
                + region
                + "\",\"object_id\":\""
                + child
                + "\"},\"relationship_attributes\":{\"kind\":\"region\"}},"
                + "{\"identifiers\":{\"object_type_id\":"
                + company
                + ",\"object_id\":\""
                + sibling
                + "\"}},"
                + "{\"identifiers\":{\"cio_object_id\":\"unknown-cio\"}}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().at("/skipped_relationships/0/identifiers/cio_object_id").asText())
        .isEqualTo("unknown-cio");
    attributes(region, child); // the child was created

    JsonNode children =
        http()
            .get("v1/objects/" + company + "/" + parent + "/object_relationships", Http.app())
            .json()
            .path("object_relationships");
    assertThat(texts(children, "/identifiers/object_id")).containsExactly(child, sibling);
    assertThat(children.at("/0/relationship_attributes/kind").asText()).isEqualTo("region");
    JsonNode parents =
        http()
            .get(
                "v1/objects/" + region + "/" + child + "/object_relationships?direction=parents",
                Http.app())
            .json()
            .path("object_relationships");
    assertThat(texts(parents, "/identifiers/object_id")).containsExactly(parent);

    assertAppError(
        put(
            company,
            parent,
            "{\"object_relationships\":[{\"identifiers\":{\"object_type_id\":\""
                + company
                + "\",\"object_id\":\""
                + parent
                + "\"}}]}"),
        400,
        "cannot be related to itself");
    assertAppError(
        http()
            .get(
                "v1/objects/" + company + "/" + parent + "/object_relationships?direction=up",
                Http.app()),
        400,
        "direction");

    String link =
        "v1/objects/" + company + "/" + parent + "/object_relationships/" + region + "/" + child;
    assertThat(http().delete(link, Http.app()).body()).isEqualTo("{}");
    assertAppError(http().delete(link, Http.app()), 404, "no relationship");

    // Deleting the parent removes its relationships, not the children.
    assertThat(http().delete("v1/objects/" + company + "/" + parent, Http.app()).status())
        .isEqualTo(200);
    assertThat(
            http()
                .get(
                    "v1/objects/"
                        + company
                        + "/"
                        + sibling
                        + "/object_relationships?direction=parents",
                    Http.app())
                .json()
                .path("object_relationships"))
        .isEmpty();
  }

  // ---- people lifecycle ---------------------------------------------------------------------

  @Test
  void aMergeHandsRelationshipsToThePrimaryWhoseOwnWin() {
    String type = newType();
    String shared = unique("shared");
    String only = unique("only");
    String primary = unique("primary");
    String secondary = unique("secondary");
    String primaryCio = person(primary);
    String secondaryCio = person(secondary);
    relate(type, shared, primary, "{\"role\":\"primary's\"}");
    relate(type, shared, secondary, "{\"role\":\"secondary's\"}");
    relate(type, only, secondary, "{\"role\":\"moved\"}");

    String merge =
        "{\"primary\":{\"id\":\"" + primary + "\"},\"secondary\":{\"id\":\"" + secondary + "\"}}";
    assertThat(http().post("api/v1/merge_customers", Http.track(), merge).status()).isEqualTo(200);

    JsonNode rels =
        http()
            .get("v1/customers/" + primary + "/relationships", Http.app())
            .json()
            .path("cio_relationships");
    assertThat(texts(rels, "/identifiers/object_id")).containsExactlyInAnyOrder(shared, only);
    for (JsonNode r : rels) {
      String expected =
          r.at("/identifiers/object_id").asText().equals(shared) ? "primary's" : "moved";
      assertThat(r.at("/relationship_attributes/role").asText()).isEqualTo(expected);
    }
    assertThat(
            texts(
                http()
                    .get("v1/objects/" + type + "/" + shared + "/relationships", Http.app())
                    .json()
                    .path("cio_relationships"),
                "/identifiers/cio_id"))
        .containsExactly(primaryCio);
    assertThat(relationshipRows(secondaryCio)).isZero();
  }

  @Test
  void deletingOrSuppressingAPersonRemovesTheirRelationships() {
    String type = newType();
    String object = unique("club");
    String gone = unique("gone");
    String suppressed = unique("suppressed");
    String stays = unique("stays");
    String goneCio = person(gone);
    String suppressedCio = person(suppressed);
    String staysCio = person(stays);
    for (String p : List.of(gone, suppressed, stays)) {
      relate(type, object, p, "{}");
    }
    assertThat(http().delete("api/v1/customers/" + gone, Http.track()).status()).isEqualTo(200);
    assertThat(
            http()
                .post("api/v1/customers/" + suppressed + "/suppress", Http.track(), "{}")
                .status())
        .isEqualTo(200);
    assertThat(
            texts(
                http()
                    .get("v1/objects/" + type + "/" + object + "/relationships", Http.app())
                    .json()
                    .path("cio_relationships"),
                "/identifiers/cio_id"))
        .containsExactly(staysCio);
    assertThat(relationshipRows(goneCio)).isZero();
    assertThat(relationshipRows(suppressedCio)).isZero();
  }

  private void relate(String type, String object, String personId, String attributes) {
    Answer answer =
        put(
            type,
            object,
            "{\"cio_relationships\":[{\"identifiers\":{\"id\":\""
                + personId
                + "\"},\"relationship_attributes\":"
                + attributes
                + "}]}");
    assertThat(answer.status()).as(answer.body()).isIn(200, 201);
    assertThat(answer.json().path("skipped_relationships")).isEmpty();
  }

  private static int relationshipRows(String cioId) {
    try (Connection db = Db.connect();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT COUNT(*) FROM objects_person_relationship WHERE person_cio_id = ?")) {
      q.setString(1, cioId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- search -----------------------------------------------------------------------------

  @Test
  void searchFindsObjectsWithEqExistsAndOrNotAndPages() {
    String type = newType();
    String o1 = unique("o1");
    String o2 = unique("o2");
    String o3 = unique("o3");
    String o4 = unique("o4");
    put(type, o1, "{\"attributes\":{\"plan\":\"pro\",\"seats\":5,\"region\":\"eu\"}}");
    put(type, o2, "{\"attributes\":{\"plan\":\"pro\",\"region\":\"us\"}}");
    put(type, o3, "{\"attributes\":{\"plan\":\"free\",\"seats\":5,\"a.b\":true}}");
    put(type, o4, "{\"attributes\":{\"name\":\"Four\"}}");

    assertThat(
            search(
                type,
                "{\"object_attribute\":{\"field\":\"plan\",\"operator\":\"eq\",\"value\":\"pro\"}}"))
        .containsExactly(o1, o2);
    assertThat(
            search(
                type,
                "{\"and\":[{\"object_attribute\":{\"field\":\"seats\",\"operator\":\"exists\"}}]}"))
        .containsExactly(o1, o3);
    assertThat(
            search(
                type,
                "{\"and\":[{\"object_attribute\":{\"field\":\"plan\",\"operator\":\"eq\",\"value\":\"pro\","
                    + "\"type_id\":\""
                    + type
                    + "\"}},{\"object_attribute\":{\"field\":\"seats\",\"operator\":\"exists\"}}]}"))
        .containsExactly(o1);
    assertThat(
            search(
                type,
                "{\"or\":[{\"object_attribute\":{\"field\":\"region\",\"operator\":\"eq\",\"value\":\"us\"}},"
                    + "{\"attribute\":{\"field\":\"plan\",\"operator\":\"eq\",\"value\":\"free\"}}]}"))
        .containsExactly(o2, o3);
    assertThat(
            search(
                type,
                "{\"not\":{\"object_attribute\":{\"field\":\"plan\",\"operator\":\"exists\"}}}"))
        .containsExactly(o4);
    assertThat(
            search(
                type,
                "{\"not\":{\"object_attribute\":{\"field\":\"plan\",\"operator\":\"eq\",\"value\":\"pro\"}}}"))
        .containsExactly(o3, o4);
    assertThat(
            search(
                type,
                "{\"object_attribute\":{\"field\":\"seats\",\"operator\":\"eq\",\"value\":5}}"))
        .containsExactly(o1, o3);
    assertThat(
            search(
                type,
                "{\"object_attribute\":{\"field\":\"a.b\",\"operator\":\"eq\",\"value\":true}}"))
        .containsExactly(o3);
    assertThat(
            search(
                type,
                "{\"object_attribute\":{\"field\":\"plan\",\"operator\":\"eq\",\"value\":\"PRO\"}}"))
        .isEmpty();

    // No filter: every object of the type, paged in creation order.
    Answer page1 =
        http().post("v1/objects?limit=3", Http.app(), "{\"object_type_id\":\"" + type + "\"}");
    JsonNode body1 = page1.json();
    assertThat(texts(body1.path("identifiers"), "/object_id")).containsExactly(o1, o2, o3);
    assertThat(texts(body1.path("ids"), "")).containsExactly(o1, o2, o3);
    assertThat(body1.at("/identifiers/0/object_type_id").asText()).isEqualTo(type);
    assertThat(body1.at("/identifiers/0/cio_object_id").asText()).isNotBlank();
    String next = body1.path("next").asText();
    assertThat(next).isNotEmpty();
    JsonNode body2 =
        http()
            .post(
                "v1/objects?limit=3&start=" + next, Http.app(), "{\"object_type_id\":" + type + "}")
            .json();
    assertThat(texts(body2.path("ids"), "")).containsExactly(o4);
    assertThat(body2.path("next").asText()).isEmpty();

    String gt =
        "{\"object_type_id\":\""
            + type
            + "\",\"filter\":{\"object_attribute\":{\"field\":\"seats\",\"operator\":\"gt\",\"value\":1}}}";
    assertAppError(http().post("v1/objects", Http.app(), gt), 400, "\"gt\" is not supported");
    assertAppError(
        http()
            .post(
                "v1/objects",
                Http.app(),
                "{\"object_type_id\":\"" + type + "\",\"filter\":{\"segment\":{\"id\":1}}}"),
        400,
        "filter.segment");
    assertAppError(
        http().post("v1/objects", Http.app(), "{\"filter\":{}}"),
        400,
        "object_type_id: is required");
    assertAppError(
        http().post("v1/objects", Http.app(), "{\"object_type_id\":[1]}"), 400, "object_type_id");
    assertAppError(
        http().post("v1/objects", Http.app(), "{\"object_type_id\":\"" + (maxTypeId() + 1) + "\"}"),
        404,
        "no object type");
    assertAppError(
        http().post("v1/objects", Http.app(), "{\"object_type_id\":"), 400, "malformed JSON");
    assertAppError(
        http().post("v1/objects?limit=0", Http.app(), "{\"object_type_id\":\"" + type + "\"}"),
        400,
        "limit");
    assertAppError(
        http()
            .post(
                "v1/objects",
                Http.app(),
                "{\"object_type_id\":\"" + type + "\",\"x\":\"" + "x".repeat(40 * 1024) + "\"}"),
        413,
        "larger than");
    assertThat(http().post("v1/objects", null, "{}").status()).isEqualTo(401);
  }

  private List<String> search(String type, String filter) {
    Answer answer =
        http()
            .post(
                "v1/objects",
                Http.app(),
                "{\"object_type_id\":\"" + type + "\",\"filter\":" + filter + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("next").asText()).isEmpty();
    return texts(answer.json().path("ids"), "");
  }
}
