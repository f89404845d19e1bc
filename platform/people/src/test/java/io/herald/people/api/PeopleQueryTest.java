package io.herald.people.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeopleQueryTest {

  @Test
  void searchTextIsTrimmedAndMustNotBeBlank() {
    assertThat(new PeopleQuery.Identifier("  ada ").text()).isEqualTo("ada");
    assertThatThrownBy(() -> new PeopleQuery.Identifier("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("search text");
    assertThatThrownBy(() -> new PeopleQuery.Identifier("x".repeat(1001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000 bytes");
  }

  @Test
  void attributeNameIsTrimmedAndBoundedButTheValueIsKeptAsGiven() {
    PeopleQuery.AttributeEquals query = new PeopleQuery.AttributeEquals(" plan ", " pro ");
    assertThat(query.name()).isEqualTo("plan");
    assertThat(query.value()).isEqualTo(" pro ");
    assertThatThrownBy(() -> new PeopleQuery.AttributeEquals(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute name");
    assertThatThrownBy(() -> new PeopleQuery.AttributeEquals("n".repeat(151), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("150 bytes");
  }

  @Test
  void aPageSaysWhetherMoreFollow() {
    assertThat(new PeoplePage(List.of(), "").hasMore()).isFalse();
    assertThat(new PeoplePage(List.of(), "42").hasMore()).isTrue();
  }
}
