package io.herald.messaging.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.messaging.api.TemplateError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LiquidRendererTest {

  private final LiquidRenderer renderer =
      new LiquidRenderer(Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC));

  private String render(String source, Map<String, Object> variables) {
    return renderer.compile("body", source).render(variables);
  }

  private TemplateError renderError(String source, Map<String, Object> variables) {
    return catchThrowableOfType(
            TemplateException.class, () -> renderer.compile("body", source).render(variables))
        .error();
  }

  private static Map<String, Object> ada() {
    return Map.of(
        "customer", Map.of("first_name", "Ada", "plan", "pro", "tags", List.of("a", "b")));
  }

  @Test
  void rendersVariablesAndStandardFilters() {
    assertThat(render("Hi {{ customer.first_name | upcase }}!", ada())).isEqualTo("Hi ADA!");
    assertThat(render("{{ customer.tags | join: ', ' }}", ada())).isEqualTo("a, b");
    assertThat(render("{{ customer['first_name'] }}", ada())).isEqualTo("Ada");
  }

  @Test
  void undefinedVariableNamesFieldLineColumnAndFullPath() {
    String source = "Hello,\n\nDear {{ customer.first_name }} {{ customer.last_name }}\n";
    TemplateError error = renderError(source, Map.of("customer", Map.of("first_name", "Ada")));

    assertThat(error.field()).isEqualTo("body");
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.column()).isEqualTo(35);
    assertThat(error.variable()).isEqualTo("customer.last_name");
    assertThat(error.describe()).isEqualTo("body line 3: customer.last_name is not defined");
  }

  @Test
  void undefinedVariableInsideLoopAndFilterArgumentIsReported() {
    String source = "{% for t in customer.tags %}\n{{ t | append: customer.suffix }}\n{% endfor %}";
    TemplateError error = renderError(source, ada());
    assertThat(error.variable()).isEqualTo("customer.suffix");
    assertThat(error.line()).isEqualTo(2);

    TemplateError loop = renderError("a\n{% for t in customer.missing %}{% endfor %}", ada());
    assertThat(loop.variable()).isEqualTo("customer.missing");
    assertThat(loop.line()).isEqualTo(2);
  }

  @Test
  void missingNamespaceIsAnError() {
    TemplateError error = renderError("{{ trigger.order_id }}", ada());
    assertThat(error.variable()).isEqualTo("trigger.order_id");
  }

  @Test
  void defaultFilterCoversUndefinedVariables() {
    assertThat(render("Hi {{ customer.nickname | default: \"friend\" }}", ada()))
        .isEqualTo("Hi friend");
    assertThat(render("Hi {{ customer.first_name | default: \"friend\" }}", ada()))
        .isEqualTo("Hi Ada");
    assertThat(render("{{ customer.nickname | default: 'x' | upcase }}", ada())).isEqualTo("X");
    assertThat(render("{% assign n = customer.nickname | default: 'pal' %}{{ n }}", ada()))
        .isEqualTo("pal");
  }

  @Test
  void defaultOnlyProtectsItsInputNotLaterFilters() {
    TemplateError error = renderError("{{ customer.nickname | upcase | default: 'x' }}", ada());
    assertThat(error.variable()).isEqualTo("customer.nickname");
  }

  @Test
  void conditionsTreatMissingAttributesAsNil() {
    String source =
        "{% if customer.nickname %}Hi {{customer.nickname}}"
            + "{% elsif customer.first_name != blank %}Hello {{customer.first_name}}"
            + "{% else %}Hello there{% endif %}";
    assertThat(render(source, ada())).isEqualTo("Hello Ada");
    assertThat(render(source, Map.of("customer", Map.of()))).isEqualTo("Hello there");
    assertThat(render("{% unless customer.vip %}regular{% endunless %}", ada()))
        .isEqualTo("regular");
    assertThat(render("{% if customer.nickname == nil %}none{% endif %}", ada())).isEqualTo("none");
    assertThat(render("{% if customer.address.city %}x{% else %}y{% endif %}", ada()))
        .isEqualTo("y");
  }

  @Test
  void bodyOfAConditionStaysStrict() {
    TemplateError error =
        renderError("{% if customer.plan %}\n  {{ customer.nickname }}\n{% endif %}", ada());
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.variable()).isEqualTo("customer.nickname");
  }

  @Test
  void unknownFilterFailsAtCompileWithItsLocation() {
    TemplateException e =
        catchThrowableOfType(
            TemplateException.class,
            () -> renderer.compile("subject", "Hi\n{{ customer.first_name | shout }}"));
    assertThat(e.error().field()).isEqualTo("subject");
    assertThat(e.error().line()).isEqualTo(2);
    assertThat(e.error().message()).isEqualTo("unknown filter 'shout'");
    assertThat(e).hasMessage("subject line 2: unknown filter 'shout'");
  }

  @Test
  void syntaxErrorsCarryLineAndColumn() {
    TemplateError unclosedOutput =
        catchThrowableOfType(
                TemplateException.class,
                () -> renderer.compile("body", "line one\nline two {{ customer.name \nthree"))
            .error();
    assertThat(unclosedOutput.field()).isEqualTo("body");
    assertThat(unclosedOutput.line()).isGreaterThanOrEqualTo(2);
    assertThat(unclosedOutput.message()).startsWith("syntax error: ");

    TemplateError unclosedIf =
        catchThrowableOfType(
                TemplateException.class, () -> renderer.compile("body", "a\n{% if x %}\nb\n"))
            .error();
    assertThat(unclosedIf.message()).startsWith("syntax error: ");
    assertThat(unclosedIf.line()).isPositive();
  }

  @Test
  void includeIsRefused() {
    TemplateError error =
        catchThrowableOfType(
                TemplateException.class,
                () -> renderer.compile("body", "x\n{% include 'footer' %}"))
            .error();
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.message()).contains("snippets");
  }

  @Test
  void instantsRenderAsIsoAndThroughDate() {
    Map<String, Object> vars =
        Map.of("customer", Map.of("created_at", Instant.parse("2020-07-31T12:00:00Z")));
    assertThat(render("{{ customer.created_at }}", vars)).isEqualTo("2020-07-31T12:00:00Z");
    assertThat(render("{{ customer.created_at | date: '%B %-d, %Y' }}", vars))
        .isEqualTo("July 31, 2020");
  }

  @Test
  void numbersAndBooleansRender() {
    Map<String, Object> vars = Map.of("n", 3, "d", 2.5, "b", true);
    assertThat(render("{{ n | plus: 1 }} {{ d }} {{ b }}", vars)).isEqualTo("4 2.5 true");
  }

  @Test
  void compiledTemplateRendersConcurrentlyFromEightThreads() throws Exception {
    CompiledTemplate template =
        renderer.compile(
            "body",
            "{% for i in (1..20) %}{{ customer.name }}-{{ i }}{% if i < 20 %},{% endif %}{% endfor %}"
                + "{{ customer.nick | default: customer.name | upcase }}");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> jobs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String name = "p" + t;
        jobs.add(
            () -> {
              for (int round = 0; round < 200; round++) {
                String out = template.render(Map.of("customer", Map.of("name", name)));
                StringBuilder expected = new StringBuilder();
                for (int i = 1; i <= 20; i++) {
                  expected.append(name).append('-').append(i).append(i < 20 ? "," : "");
                }
                expected.append(name.toUpperCase());
                if (!out.equals(expected.toString())) {
                  return false;
                }
              }
              return true;
            });
      }
      for (Future<Boolean> result : pool.invokeAll(jobs)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void reusedNodeTreesKeepIndexLookupsApartAcrossThreads() throws Exception {
    // Liqp's index lookups keep the key they computed in the node: a tree shared by two renders at
    // once would read the other's key. Each thread must still see its own items.
    CompiledTemplate template =
        renderer.compile(
            "body",
            "{% for i in (0..9) %}{{ customer.items[i] }}{{ customer.items[customer.k] }}"
                + "{% endfor %}");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> jobs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          items.add("t" + t + "i" + i + ";");
        }
        int k = t % 10;
        jobs.add(
            () -> {
              StringBuilder expected = new StringBuilder();
              for (int i = 0; i < 10; i++) {
                expected.append(items.get(i)).append(items.get(k));
              }
              for (int round = 0; round < 300; round++) {
                String out = template.render(Map.of("customer", Map.of("items", items, "k", k)));
                if (!out.equals(expected.toString())) {
                  return false;
                }
              }
              return true;
            });
      }
      for (Future<Boolean> result : pool.invokeAll(jobs)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(template.idleTrees()).isBetween(1, 16);
  }

  @Test
  void aTemplateRendersAgainAfterAFailedRender() {
    CompiledTemplate template = renderer.compile("body", "Hi {{ customer.first_name }}");
    assertThat(template.render(ada())).isEqualTo("Hi Ada");
    assertThatThrownBy(() -> template.render(Map.of("customer", Map.of())))
        .isInstanceOf(TemplateException.class);
    assertThat(template.render(Map.of("customer", Map.of("first_name", "Bo")))).isEqualTo("Hi Bo");
    assertThat(template.render(ada())).isEqualTo("Hi Ada");
  }

  @Test
  void iterationLimitStopsRunawayLoops() {
    LiquidRenderer limited =
        new LiquidRenderer(
            Clock.systemUTC(), new RenderLimits(Duration.ofSeconds(30), 1_000_000, 50, 10_000));
    assertThat(limited.compile("body", "{% for i in (1..50) %}.{% endfor %}").render(Map.of()))
        .hasSize(50);
    TemplateError error =
        catchThrowableOfType(
                TemplateException.class,
                () ->
                    limited
                        .compile(
                            "body",
                            "{% for i in (1..10) %}{% for j in (1..10) %}{% endfor %}{% endfor %}")
                        .render(Map.of()))
            .error();
    assertThat(error.message()).isEqualTo("loops ran more than 50 iterations");
  }

  @Test
  void timeLimitStopsSlowRenders() {
    LiquidRenderer limited =
        new LiquidRenderer(
            Clock.systemUTC(),
            new RenderLimits(Duration.ofMillis(1), 1_000_000, Integer.MAX_VALUE, 10_000));
    CompiledTemplate slow =
        limited.compile(
            "body",
            "{% for i in (1..100000) %}{% for j in (1..100000) %}{% assign x = j %}{% endfor %}{% endfor %}");
    assertThatThrownBy(() -> slow.render(Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("body: rendering took longer than 1 ms");
  }

  @Test
  void outputSizeLimitStopsFloods() {
    LiquidRenderer limited =
        new LiquidRenderer(
            Clock.systemUTC(), new RenderLimits(Duration.ofSeconds(30), 100, 1_000_000, 10_000));
    assertThatThrownBy(
            () ->
                limited
                    .compile("body", "{% for i in (1..1000) %}0123456789{% endfor %}")
                    .render(Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("body: output is longer than 100 characters");
    assertThatThrownBy(() -> limited.compile("body", "x".repeat(10_001)))
        .hasMessage("body: template is longer than 10000 characters");
  }

  @Test
  void filterErrorsNameTheFilterAndLine() {
    TemplateError error = renderError("ok\n{{ 'abc' | format_number }}", Map.of());
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.message()).isEqualTo("filter format_number: 'abc' is not a number");
  }

  @Test
  void filterNamesIncludeCustomerIoAndStandardFilters() {
    assertThat(renderer.filterNames())
        .contains("default", "upcase", "where_exp", "md5", "currency", "add_day", "titlecase");
  }
}
