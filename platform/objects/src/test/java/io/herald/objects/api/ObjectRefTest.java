package io.herald.objects.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectRefTest {

  @Test
  void readsTypeAndIdOrCioObjectId() {
    assertThat(
            ObjectRef.fromIdentifiers(Json.value("{'object_type_id':'1','object_id':'acme'}"), "i"))
        .isEqualTo(ObjectRef.of("1", "acme"));
    assertThat(ObjectRef.fromIdentifiers(Json.value("{'object_type_id':2,'object_id':42}"), "i"))
        .isEqualTo(ObjectRef.of("2", "42"));
    ObjectRef cio = ObjectRef.fromIdentifiers(Json.value("{'cio_object_id':'ab12'}"), "i");
    assertThat(cio.byCioObjectId()).isTrue();
    assertThat(cio.describe()).isEqualTo("cio_object_id ab12");
  }

  @Test
  void typeIdsArePositiveWholeNumbers() {
    assertThat(ObjectRef.isTypeId("1")).isTrue();
    assertThat(ObjectRef.isTypeId("123456789")).isTrue();
    for (String bad : new String[] {"0", "01", "-1", "1.5", "abc", "", "1234567890"}) {
      assertThat(ObjectRef.isTypeId(bad)).as(bad).isFalse();
    }
    assertThatThrownBy(() -> ObjectRef.typeIdFrom(Json.value("true"), "object_type_id"))
        .isInstanceOf(InvalidObjectDataException.class)
        .hasMessageStartingWith("object_type_id: must be");
  }

  @Test
  void problemsNameTheFieldUnderItsPrefix() {
    assertThatThrownBy(
            () ->
                ObjectRef.fromIdentifiers(
                    Json.value("{'object_type_id':'x','object_id':''}"), "rel[0].identifiers"))
        .isInstanceOfSatisfying(
            InvalidObjectDataException.class,
            e ->
                assertThat(e.messages())
                    .anyMatch(m -> m.startsWith("rel[0].identifiers.object_type_id: must be"))
                    .contains("rel[0].identifiers.object_id: must not be empty"));
    assertThatThrownBy(() -> ObjectRef.fromIdentifiers(Json.value("{'object_type_id':'1'}"), "ids"))
        .hasMessage("ids.object_id: is required");
    assertThatThrownBy(
            () ->
                ObjectRef.fromIdentifiers(
                    Json.value("{'object_type_id':'1','object_id':'a','cio_object_id':'b'}"),
                    "ids"))
        .hasMessageContaining("ids.identifiers: give either");
    assertThatThrownBy(() -> ObjectRef.fromIdentifiers(Json.value("{'name':'x'}"), "ids"))
        .hasMessageContaining("ids.name: is not an object identifier");
    assertThatThrownBy(() -> ObjectRef.fromIdentifiers(Json.value("[]"), "ids"))
        .hasMessageStartingWith("ids: must be an object");
    assertThatThrownBy(() -> ObjectRef.of("1", "x".repeat(151)))
        .hasMessage("object_id: is 151 bytes; the limit is 150");
  }
}
