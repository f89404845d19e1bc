package io.herald.messaging.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkTagsTest {

  private final LiquidRenderer renderer = new LiquidRenderer(Clock.systemUTC());

  private static final Map<String, Object> LINKS =
      Map.of(
          "customer",
          Map.of("first_name", "Ada"),
          LinkTags.VARIABLE,
          Map.of(
              LinkTags.UNSUBSCRIBE, "https://h.test/unsubscribe/d1",
              LinkTags.PREFERENCES, "https://h.test/preferences/d1",
              LinkTags.VIEW_IN_BROWSER, "https://h.test/v/d1/sig"));

  private String render(String source, Map<String, Object> variables) {
    return renderer.compile("body", source).render(variables);
  }

  @Test
  void tagsPrintTheDeliveryLinks() {
    assertThat(
            render(
                "<a href=\"{% unsubscribe_url %}\">u</a> <a href=\"{%"
                    + " manage_subscription_preferences_url %}\">p</a> <a href=\"{%"
                    + " view_in_browser_url %}\">v</a>",
                LINKS))
        .isEqualTo(
            "<a href=\"https://h.test/unsubscribe/d1\">u</a> <a"
                + " href=\"https://h.test/preferences/d1\">p</a> <a"
                + " href=\"https://h.test/v/d1/sig\">v</a>");
  }

  @Test
  void tagsWorkInsideLoopsAndConditions() {
    assertThat(
            render(
                "{% for i in (1..2) %}{% if customer.first_name %}{%- unsubscribe_url -%}|{% endif"
                    + " %}{% endfor %}",
                LINKS))
        .isEqualTo("https://h.test/unsubscribe/d1|https://h.test/unsubscribe/d1|");
  }

  @Test
  void withoutADeliveryTheyPrintAPlaceholder() {
    assertThat(
            render(
                "{% unsubscribe_url %} {% manage_subscription_preferences_url %} {%"
                    + " view_in_browser_url %}",
                Map.of()))
        .isEqualTo("# # #");
  }

  @Test
  void templatesCannotReadOrOverrideTheLinks() {
    // The variable's name is not a Liquid identifier; an assign of a similar name changes nothing.
    assertThat(render("{% assign links = 'x' %}{% unsubscribe_url %}", LINKS))
        .isEqualTo("https://h.test/unsubscribe/d1");
    assertThat(LinkTags.names())
        .containsExactlyElementsOf(
            List.of(
                "unsubscribe_url", "manage_subscription_preferences_url", "view_in_browser_url"));
  }

  @Test
  void argumentsAreAnError() {
    TemplateException e =
        catchThrowableOfType(
            TemplateException.class, () -> render("{% unsubscribe_url 'x' %}", LINKS));
    assertThat(e.error().message()).contains("unsubscribe_url takes no arguments");
  }
}
