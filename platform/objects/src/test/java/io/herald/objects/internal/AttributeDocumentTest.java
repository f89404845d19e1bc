package io.herald.objects.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.objects.api.InvalidObjectDataException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AttributeDocumentTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  @Test
  void nullAndEmptyRemoveAndRewritesKeepTheirTimestamp() {
    AttributeDocument doc =
        AttributeDocument.empty().apply(json("{'name':'Acme','plan':'pro','seats':3}"), 100, "a");
    AttributeDocument next =
        doc.apply(json("{'name':'Acme','plan':null,'seats':''," + "'tier':'gold'}"), 200, "a");
    assertThat(next.json()).isEqualTo(json("{'name':'Acme','tier':'gold'}"));
    assertThat(next.times())
        .containsExactly(java.util.Map.entry("name", 100L), java.util.Map.entry("tier", 200L));
    AttributeDocument read = AttributeDocument.read(next.valuesJson(), next.timesJson());
    assertThat(read).isEqualTo(next);
  }

  @Test
  void aDocumentOverTheLimitsIsRefusedAndLeftUnchanged() {
    JsonObjectBuilder half = Json.createObjectBuilder();
    for (int i = 0; i < 200; i++) {
      half.add("a" + i, i);
    }
    AttributeDocument doc = AttributeDocument.empty().apply(half.build(), 1, "attributes");
    JsonObjectBuilder more = Json.createObjectBuilder();
    for (int i = 0; i < 101; i++) {
      more.add("b" + i, i);
    }
    JsonObject extra = more.build();
    assertThatThrownBy(() -> doc.apply(extra, 2, "attributes"))
        .isInstanceOf(InvalidObjectDataException.class)
        .hasMessage("attributes: would hold 301 attributes; the limit is 300");
    assertThat(doc.values()).hasSize(200);
  }
}
