package io.herald.messaging.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values come from Customer.io's Liquid syntax list examples where it gives them. */
class CustomerIoFiltersTest {

  private static final String FOX = "The quick brown fox jumps over the lazy dog";

  private final LiquidRenderer renderer =
      new LiquidRenderer(Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC));

  private String render(String source) {
    return render(source, Map.of());
  }

  private String render(String source, Map<String, Object> variables) {
    return renderer.compile("body", source).render(variables);
  }

  @Test
  void stringFilters() {
    assertThat(render("{{ 'hello wide world' | titlecase }}")).isEqualTo("Hello Wide World");
    assertThat(render("{{ n | pluralize: 'item', 'items' }}", Map.of("n", 3))).isEqualTo("3 items");
    assertThat(render("{{ n | pluralize: 'item', 'items' }}", Map.of("n", "1")))
        .isEqualTo("1 item");
    Map<String, Object> acme = Map.of("characters", List.of("coyote", "bugs", "tweety"));
    assertThat(render("{{ characters | array_to_sentence_string }}", acme))
        .isEqualTo("coyote, bugs, and tweety");
    assertThat(render("{{ characters | array_to_sentence_string: 'or' }}", acme))
        .isEqualTo("coyote, bugs, or tweety");
    assertThat(render("{{ 'a-b-a' | replace_last: 'a', 'c' }}")).isEqualTo("a-b-c");
    assertThat(render("{{ 'a-b-a' | remove_last: 'a' }}")).isEqualTo("a-b-");
    assertThat(render("{{ 'overview: account' | cgi_escape }}")).isEqualTo("overview%3A+account");
    assertThat(render("{{ u | uri_escape }}", Map.of("u", "https://example.com/?q=foo, \\bar?")))
        .isEqualTo("https://example.com/?q=foo,%20%5Cbar?");
    assertThat(render("{{ h | xml_escape }}", Map.of("h", "<a href=\"x\">Tom & Jerry's</a>")))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    assertThat(render("{{ '  two  words ' | number_of_words }}")).isEqualTo("2");
    assertThat(render("{{ 'Hello, World!' | slugify }}")).isEqualTo("hello-world");
  }

  @Test
  void standardAndJekyllFiltersCustomerIoLists() {
    assertThat(render("{{ 'Customer.io' | slice: 3, 3 }}")).isEqualTo("tom");
    assertThat(render("{{ 4.32 | round: 1 }}")).isEqualTo("4.3");
    assertThat(render("{{ 41 | at_least: 42 }}")).isEqualTo("42");
    assertThat(render("{{ 'cool.person@example.com' | url_encode }}"))
        .isEqualTo("cool.person%40example.com");
    assertThat(render("{{ '%27Customer.io+is+great%27' | url_decode }}"))
        .isEqualTo("'Customer.io is great'");
    assertThat(render("{{ \"Eh, what's <i>up</i>?\" | strip_html }}")).isEqualTo("Eh, what's up?");
    assertThat(render("{{ t | normalize_whitespace }}", Map.of("t", "a \n b"))).isEqualTo("a b");
    assertThat(render("{{ \"What's all the hubbub, \" | append: \"bub?\" }}"))
        .isEqualTo("What's all the hubbub, bub?");
  }

  @Test
  void digestFilters() {
    Map<String, Object> fox = Map.of("s", FOX);
    assertThat(render("{{ s | md5 }}", fox)).isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
    assertThat(render("{{ s | sha1 }}", fox)).isEqualTo("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
    assertThat(render("{{ s | sha256 }}", fox))
        .isEqualTo("d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
    assertThat(render("{{ s | hmac_sha1: 'key' }}", fox))
        .isEqualTo("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9");
    assertThat(render("{{ s | hmac_sha256: 'key' }}", fox))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    assertThat(render("{{ s | hmac_sha256: 'key' | hex_base64 }}", fox))
        .isEqualTo("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
  }

  @Test
  void base64Filters() {
    assertThat(render("{{ 'Customer.io' | base64_encode }}")).isEqualTo("Q3VzdG9tZXIuaW8=");
    assertThat(render("{{ 'Customer.io' | base64 }}")).isEqualTo("Q3VzdG9tZXIuaW8=");
    assertThat(render("{{ 'Q3VzdG9tZXIuaW8=' | base64_decode }}")).isEqualTo("Customer.io");
    assertThat(render("{{ '??>' | base64_url_safe_encode }}")).isEqualTo("Pz8-");
    assertThat(render("{{ 'Pz8-' | base64_url_safe_decode }}")).isEqualTo("??>");
    assertThatThrownBy(() -> render("{{ '***' | base64_decode }}"))
        .hasMessage("body line 1: filter base64_decode: input is not valid Base64");
  }

  @Test
  void numberFilters() {
    assertThat(render("{{ 10000 | format_number }}")).isEqualTo("10,000");
    assertThat(render("{{ '10000' | format_number }}")).isEqualTo("10,000");
    assertThat(render("{{ 123456.78 | format_number: 'fr' }}")).isEqualTo("123\u202f456,78");
    assertThat(render("{{ 1234567.896 | currency }}")).isEqualTo("$1,234,567.90");
    assertThat(render("{{ 1234567.896 | currency: 'en-GB' }}")).isEqualTo("£1,234,567.90");
    assertThat(render("{{ 1234567.896 | currency: 'en', 'EUR' }}")).isEqualTo("€1,234,567.90");
    assertThat(render("{{ 1234567.896 | rounded_currency: 'en', 'EUR' }}")).isEqualTo("€1,234,568");
    assertThatThrownBy(() -> render("{{ 1 | currency: 'en', 'XXY' }}"))
        .hasMessage("body line 1: filter currency: unknown currency 'XXY'");
  }

  @Test
  void collectionFilters() {
    Map<String, Object> vars =
        Map.of(
            "beatles", List.of("John", "Paul", "George", "Ringo"),
            "players",
                List.of(
                    Map.of("name", "Babe", "sport", "baseball", "score", 3),
                    Map.of("name", "Pele", "sport", "soccer", "score", "4.5")));
    assertThat(render("{{ beatles | limit: 2 | join: ', ' }}", vars)).isEqualTo("John, Paul");
    assertThat(render("{{ players | where_not: 'sport', 'baseball' | map: 'name' }}", vars))
        .isEqualTo("Pele");
    assertThat(render("{{ players | find: 'sport', 'baseball' | json }}", vars))
        .startsWith("{")
        .contains("\"name\":\"Babe\"", "\"sport\":\"baseball\"", "\"score\":3");
    assertThat(render("{{ players | sum: 'score' }}", vars)).isEqualTo("7.5");
    assertThat(render("{{ beatles | to_json }}", vars))
        .isEqualTo("[\"John\",\"Paul\",\"George\",\"Ringo\"]");
    assertThat(
            render(
                "{% assign v = '{\"key\":\"value\",\"number\":123}' | from_json %}{{ v.key }} {{ v.number }}"))
        .isEqualTo("value 123");
    assertThat(
            render("{{ players | where_exp: 'p', 'p.sport == \"soccer\"' | map: 'name' }}", vars))
        .isEqualTo("Pele");
  }

  @Test
  void dateFormatsUnixSecondsInstantsAndNow() {
    assertThat(render("{{ 1483272000 | date: '%H:%M, %a, %b %d, %Y' }}"))
        .isEqualTo("12:00, Sun, Jan 01, 2017");
    assertThat(render("{{ t | date: '%B %-d, %Y' }}", Map.of("t", "1596196800")))
        .isEqualTo("July 31, 2020");
    assertThat(render("{{ 'now' | date: '%Y-%m-%d %H:%M:%S' }}")).isEqualTo("2024-05-06 07:08:09");
    assertThat(render("{{ 'now' | date: '%s' }}")).isEqualTo("1714979289");
    assertThat(render("{{ '2020-07-31T12:00:00Z' | date: '%d.%m.%Y' }}")).isEqualTo("31.07.2020");
    assertThat(render("{{ 'not a date' | date: '%Y' }}")).isEqualTo("not a date");
  }

  @Test
  void dateTakesATimeZoneAsSecondArgument() {
    assertThat(render("{{ 1483272000 | date: '%H:%M %Z', 'America/New_York' }}"))
        .isEqualTo("07:00 EST");
    assertThat(render("{{ 1483272000 | date: '%H:%M', '(GMT-11:00) Hawaii' }}")).isEqualTo("01:00");
    assertThat(render("{{ 1483272000 | date: '%H:%M', '+05:30' }}")).isEqualTo("17:30");
    assertThatThrownBy(() -> render("{{ 1483272000 | date: '%H', -480 }}"))
        .hasMessageContaining("numeric time zone offsets are not supported");
    assertThatThrownBy(() -> render("{{ 1483272000 | date: '%H', 'Mars/Olympus' }}"))
        .hasMessage("body line 1: filter date: unknown time zone 'Mars/Olympus'");
  }

  @Test
  void legacyTimezoneFilterFeedsDate() {
    assertThat(render("{{ 1483272000 | timezone: 'Europe/Berlin' | date: '%H:%M' }}"))
        .isEqualTo("13:00");
  }

  @Test
  void addAndSubtractKeepTheInputKind() {
    assertThat(render("{{ 1483272000 | add_day: 5 }}")).isEqualTo("1483704000");
    assertThat(render("{{ 1483272000 | add_day }}")).isEqualTo("1483358400");
    assertThat(render("{{ 'now' | date: '%s' | plus: 0 | add_day: 1 | date: '%B %d, %Y' }}"))
        .isEqualTo("May 07, 2024");
    assertThat(render("{{ 1483272000 | add_month: 1 | date: '%Y-%m-%d' }}"))
        .isEqualTo("2017-02-01");
    assertThat(render("{{ 1483272000 | add_year: 2 | date: '%Y' }}")).isEqualTo("2019");
    assertThat(render("{{ 1483272000 | subtract_day: 1 | date: '%Y-%m-%d' }}"))
        .isEqualTo("2016-12-31");
    assertThat(render("{{ 1483272000 | subtract_month: 2 | date: '%Y-%m' }}")).isEqualTo("2016-11");
    assertThat(render("{{ 1483272000 | subtract_year: 1 | date: '%Y' }}")).isEqualTo("2016");
    assertThat(render("{{ t | add_day: 1 }}", Map.of("t", Instant.parse("2020-01-31T00:00:00Z"))))
        .isEqualTo("2020-02-01T00:00:00Z");
    assertThatThrownBy(() -> render("{{ 'soon' | add_day: 1 }}"))
        .hasMessage("body line 1: filter add_day: 'soon' is not a date");
  }

  @Test
  void dateToStrings() {
    assertThat(render("{{ 1483272000 | date_to_xmlschema }}")).isEqualTo("2017-01-01T12:00:00Z");
    assertThat(render("{{ 1483272000 | date_to_rfc822 }}"))
        .isEqualTo("Sun, 01 Jan 2017 12:00:00 +0000");
  }

  @Test
  void defaultFilterWithLiteralValues() {
    assertThat(render("{{ customer.price | default: 2.99 }}", Map.of("customer", Map.of())))
        .isEqualTo("2.99");
    assertThat(render("{{ '' | default: 'red' }}")).isEqualTo("red");
  }

  @Test
  void wrongArgumentCountIsAnError() {
    assertThatThrownBy(() -> render("{{ 3 | pluralize: 'item' }}"))
        .hasMessage("body line 1: filter pluralize: expects 2 argument(s), got 1");
  }
}
