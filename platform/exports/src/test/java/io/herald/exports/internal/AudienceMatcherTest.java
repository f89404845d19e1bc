package io.herald.exports.internal;

import static io.herald.exports.internal.People.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.exports.api.AudienceFilter;
import io.herald.people.api.PersonView;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudienceMatcherTest {

  private final PersonView ada =
      person("c1", "42", "Ada@Example.com", "{'plan':'pro','seats':5,'vip':true}");
  private final PersonView bob = person("c2", null, "bob@example.com", "{'plan':'free'}");
  private final Map<Long, Set<String>> members = Map.of(7L, Set.of("c2"));

  private static AudienceFilter filter(String json) {
    try (var reader = Json.createReader(new StringReader(json.replace('\'', '"')))) {
      return AudienceFilter.parse(reader.readValue(), "filters");
    }
  }

  private boolean matches(String json, PersonView person) {
    return AudienceMatcher.matches(filter(json), person, members);
  }

  @Test
  void eqComparesTheValueAsText() {
    String pro = "{'attribute':{'field':'plan','operator':'eq','value':'pro'}}";
    assertThat(matches(pro, ada)).isTrue();
    assertThat(matches(pro, bob)).isFalse();
    assertThat(matches("{'attribute':{'field':'plan','operator':'eq','value':'PRO'}}", ada))
        .as("case-sensitive for attributes")
        .isFalse();
    assertThat(matches("{'attribute':{'field':'seats','operator':'eq','value':5}}", ada)).isTrue();
    assertThat(matches("{'attribute':{'field':'seats','operator':'eq','value':'5'}}", ada))
        .isTrue();
    assertThat(matches("{'attribute':{'field':'vip','operator':'eq','value':true}}", ada)).isTrue();
    assertThat(matches("{'attribute':{'field':'vip','operator':'eq','value':true}}", bob))
        .isFalse();
  }

  @Test
  void identifiersAreAttributesAndEmailIgnoresCase() {
    assertThat(matches("{'attribute':{'field':'id','operator':'eq','value':42}}", ada)).isTrue();
    assertThat(matches("{'attribute':{'field':'id','operator':'exists'}}", bob)).isFalse();
    assertThat(matches("{'attribute':{'field':'cio_id','operator':'eq','value':'c2'}}", bob))
        .isTrue();
    assertThat(
            matches(
                "{'attribute':{'field':'email','operator':'eq','value':'ada@EXAMPLE.com'}}", ada))
        .isTrue();
    assertThat(matches("{'attribute':{'field':'email','operator':'exists'}}", bob)).isTrue();
  }

  @Test
  void existsNotAndOrAndSegments() {
    assertThat(matches("{'not':{'attribute':{'field':'vip','operator':'exists'}}}", bob)).isTrue();
    assertThat(matches("{'not':{'attribute':{'field':'vip','operator':'exists'}}}", ada)).isFalse();
    assertThat(
            matches("{'not':{'attribute':{'field':'missing','operator':'eq','value':'x'}}}", ada))
        .as("eq on a missing attribute is false, so its not is true")
        .isTrue();
    String inSegment = "{'segment':{'id':7}}";
    assertThat(matches(inSegment, bob)).isTrue();
    assertThat(matches(inSegment, ada)).isFalse();
    assertThat(matches("{'segment':{'id':8}}", bob)).as("a segment nobody checked").isFalse();
    String either =
        "{'or':[{'segment':{'id':7}},{'attribute':{'field':'plan','operator':'eq','value':'pro'}}]}";
    assertThat(matches(either, ada)).isTrue();
    assertThat(matches(either, bob)).isTrue();
    String both =
        "{'and':[{'segment':{'id':7}},{'attribute':{'field':'plan','operator':'eq','value':'pro'}}]}";
    assertThat(matches(both, ada)).isFalse();
    assertThat(matches(both, bob)).isFalse();
  }
}
