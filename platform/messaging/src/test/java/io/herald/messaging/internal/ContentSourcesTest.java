package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentSourcesTest {

  @Test
  void findsSnippetNamesInDotAndBracketNotation() {
    assertThat(
            ContentSources.snippetNames(
                "Hi {{ snippets.greeting }} {{snippets['footer-2'] | upcase}}",
                null,
                "{{ snippets[\"main address\"] }} {{snippets['x_y']}} {{ snippets.greeting }}"))
        .containsExactly("greeting", "footer-2", "main address", "x_y");
    assertThat(ContentSources.snippetNames("{{ customer.snippets }} {{ mysnippets.a }}")).isEmpty();
    assertThat(ContentSources.usesSnippet("a", "{% if x %}{{snippets.a}}{% endif %}")).isTrue();
    assertThat(ContentSources.usesSnippet("a", "{{snippets.ab}}")).isFalse();
  }

  @Test
  void snippetNamesAreLettersDigitsSpacesUnderscoresAndHyphens() {
    assertThat(ContentSources.nameProblems("main address_2-b", 150)).isEmpty();
    assertThat(ContentSources.nameProblems("Grüße", 150)).isEmpty();
    assertThat(ContentSources.nameProblems("", 150)).containsExactly("name must not be empty");
    assertThat(ContentSources.nameProblems("a.b", 150))
        .singleElement()
        .asString()
        .startsWith("name may hold only letters");
    assertThat(ContentSources.nameProblems("a\"b", 150)).hasSize(1);
    assertThat(ContentSources.nameProblems("a\nb", 150)).hasSize(1);
    assertThat(ContentSources.nameProblems("x".repeat(151), 150))
        .containsExactly("name must be at most 150 characters");
  }

  @Test
  void countsContentPlaceholders() {
    assertThat(ContentSources.contentPlaceholders("<body>{{ content }}</body>")).isEqualTo(1);
    assertThat(ContentSources.contentPlaceholders("{{content}}")).isEqualTo(1);
    assertThat(ContentSources.contentPlaceholders("{{- content -}}")).isEqualTo(1);
    assertThat(ContentSources.contentPlaceholders("{{ content }}{{ content }}")).isEqualTo(2);
    assertThat(ContentSources.contentPlaceholders("{{ contents }} {{ customer.content }}"))
        .isZero();
    assertThat(ContentSources.contentPlaceholders(null)).isZero();
  }
}
