package io.herald.objects.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectRef;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class IdentifyRequestTest {

  private static final ObjectRef SELF = ObjectRef.of("1", "acme");

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  @Test
  void readsAttributesAndBothKindsOfRelationships() {
    IdentifyRequest request =
        IdentifyRequest.parse(
            json(
                "{'attributes':{'name':'Acme'},"
                    + "'cio_relationships':[{'identifiers':{'id':'42'}}],"
                    + "'object_relationships':[{'identifiers':{'object_type_id':'2','object_id':'eu'},"
                    + "'relationship_attributes':{'kind':'region'}}]}"),
            SELF);
    assertThat(request.attributes().getString("name")).isEqualTo("Acme");
    assertThat(request.people()).hasSize(1);
    assertThat(request.children().get(0).object()).isEqualTo(ObjectRef.of("2", "eu"));
    assertThat(IdentifyRequest.parse(json("{}"), SELF).attributes()).isEmpty();
  }

  @Test
  void listsEveryProblem() {
    assertThatThrownBy(
            () ->
                IdentifyRequest.parse(
                    json(
                        "{'attributes':[],'plan':'x','cio_relationships':{},"
                            + "'object_relationships':[{'identifiers':{'object_type_id':'1',"
                            + "'object_id':'acme'}}]}"),
                    SELF))
        .isInstanceOfSatisfying(
            InvalidObjectDataException.class,
            e ->
                assertThat(e.messages())
                    .containsExactlyInAnyOrder(
                        "plan: is not known; use attributes, cio_relationships,"
                            + " object_relationships",
                        "attributes: must be an object",
                        "cio_relationships: must be an array of relationships",
                        "object_relationships[0].identifiers: an object cannot be related to"
                            + " itself"));
  }
}
