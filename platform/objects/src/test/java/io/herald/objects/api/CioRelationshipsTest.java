package io.herald.objects.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class CioRelationshipsTest {

  @Test
  void aPersonsRelationshipsNameObjectsByTypeAndIdOrCioObjectId() {
    List<RelationshipSpec> specs =
        CioRelationships.objects(
            Json.value(
                "[{'identifiers':{'object_type_id':'1','object_id':'acme'},"
                    + "'relationship_attributes':{'role':'admin'}},"
                    + "{'identifiers':{'cio_object_id':'c0ffee'}}]"),
            "cio_relationships");
    assertThat(specs).hasSize(2);
    assertThat(specs.get(0).object()).isEqualTo(ObjectRef.of("1", "acme"));
    assertThat(specs.get(0).attributes().getString("role")).isEqualTo("admin");
    assertThat(specs.get(1).object()).isEqualTo(ObjectRef.ofCioObjectId("c0ffee"));
    assertThat(specs.get(1).attributes()).isEmpty();
  }

  @Test
  void anObjectsRelationshipsNamePeopleByOneIdentifier() {
    List<PersonRelationshipSpec> specs =
        CioRelationships.people(
            Json.value(
                "[{'identifiers':{'id':42},'relationship_attributes':{'seat':'owner'}},"
                    + "{'identifiers':{'email':'a@x.io'}},{'identifiers':{'cio_id':'abc'}}]"),
            "cio_relationships");
    assertThat(specs)
        .extracting(PersonRelationshipSpec::person)
        .containsExactly(
            new PersonRef(IdType.ID, "42"),
            new PersonRef(IdType.EMAIL, "a@x.io"),
            new PersonRef(IdType.CIO_ID, "abc"));
  }

  @Test
  void everyProblemNamesItsExactField() {
    assertThatThrownBy(
            () ->
                CioRelationships.objects(
                    Json.value(
                        "[{'identifiers':{'object_type_id':'1','object_id':'ok'}},"
                            + "{'identifiers':{'object_type_id':'1'}},"
                            + "{'relationship_attributes':{'r':1}},"
                            + "'text',"
                            + "{'identifiers':{'cio_object_id':'x'},'relationship_attributes':[],'extra':1},"
                            + "{'identifiers':{'object_type_id':'1','object_id':'y'},"
                            + "'relationship_attributes':{'note':'"
                            + "n".repeat(1001)
                            + "'}}]"),
                    "cio_relationships"))
        .isInstanceOfSatisfying(
            InvalidObjectDataException.class,
            e ->
                assertThat(e.messages())
                    .containsExactlyInAnyOrder(
                        "cio_relationships[1].identifiers.object_id: is required",
                        "cio_relationships[2].identifiers: is required",
                        "cio_relationships[3]: must be an object with identifiers and"
                            + " relationship_attributes",
                        "cio_relationships[4].extra: is not known; use identifiers and"
                            + " relationship_attributes",
                        "cio_relationships[4].relationship_attributes: must be an object",
                        "cio_relationships[5].relationship_attributes.note: value is 1001 bytes;"
                            + " the limit is 1000"));
    assertThatThrownBy(
            () ->
                CioRelationships.people(
                    Json.value(
                        "[{'identifiers':{'id':'a','email':'a@x.io'}},{'identifiers':{'phone':'1'}},"
                            + "{'identifiers':{'email':true}}]"),
                    "rels"))
        .isInstanceOfSatisfying(
            InvalidObjectDataException.class,
            e ->
                assertThat(e.messages())
                    .containsExactly(
                        "rels[0].identifiers: must have exactly one of id, email, cio_id",
                        "rels[1].identifiers.phone: is not a person identifier: use id, email or"
                            + " cio_id",
                        "rels[2].identifiers.email: must be a string"));
    assertThatThrownBy(() -> CioRelationships.objects(Json.value("{}"), "cio_relationships"))
        .hasMessage("cio_relationships: must be an array of relationships");
  }

  @Test
  void trackV1WrapsTheArrayWithAnAction() {
    CioRelationships.TrackV1 delete =
        CioRelationships.trackV1(
            Json.value(
                "{'action':'delete_relationships','relationships':"
                    + "[{'identifiers':{'object_type_id':'1','object_id':'acme'}}]}"),
            "cio_relationships");
    assertThat(delete.action()).isEqualTo(CioRelationships.Action.DELETE);
    assertThat(delete.relationships()).hasSize(1);
    assertThat(CioRelationships.trackV1(Json.value("{'relationships':[]}"), "c").action())
        .isEqualTo(CioRelationships.Action.ADD);
    assertThatThrownBy(
            () -> CioRelationships.trackV1(Json.value("{'action':'merge'}"), "cio_relationships"))
        .isInstanceOfSatisfying(
            InvalidObjectDataException.class,
            e ->
                assertThat(e.messages())
                    .containsExactly(
                        "cio_relationships.action: must be \"add_relationships\" or"
                            + " \"delete_relationships\"",
                        "cio_relationships.relationships: is required"));
  }

  @Test
  void tooManyRelationshipsInOneCallAreRefused() {
    String many =
        "[" + "{'identifiers':{'cio_id':'a'}},".repeat(1000) + "{'identifiers':{'cio_id':'a'}}]";
    assertThatThrownBy(() -> CioRelationships.people(Json.value(many), "cio_relationships"))
        .hasMessage("cio_relationships: 1001 relationships in one call; the limit is 1000");
  }
}
