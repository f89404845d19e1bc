package io.herald.messaging.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.messaging.api.TemplateError;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailRendererTest {

  private final EmailRenderer emails = new EmailRenderer(new LiquidRenderer(Clock.systemUTC()));

  private final Map<String, Object> vars =
      RenderVariables.builder()
          .customer("42", "ada@example.test", "cio_1", Map.of("first_name", "Ada"))
          .trigger(Map.of("order_id", "A-7"))
          .build()
          .asMap();

  private static EmailTemplate template(String html, String text) {
    return new EmailTemplate(
        "Order {{ trigger.order_id }}\n",
        "Acme <shop@acme.test>",
        "{{ customer.email }}",
        "Thanks, {{ customer.first_name }}",
        html,
        text);
  }

  @Test
  void rendersEveryFieldWithLayoutSnippetsAndPreheader() {
    String layout =
        "<html><head><title>x</title></head><body class=\"b\">"
            + "<div>{{ content }}</div>{{ snippets.footer }}</body></html>";
    RenderedEmail email =
        emails.render(
            template("<p>Hi {{ customer.first_name }}</p>", "Hi {{ customer.first_name }}"),
            layout,
            Map.of("footer", "<p>Sent to {{ customer.email }}</p>"),
            vars);

    assertThat(email.subject()).isEqualTo("Order A-7");
    assertThat(email.from()).isEqualTo("Acme <shop@acme.test>");
    assertThat(email.replyTo()).isEqualTo("ada@example.test");
    assertThat(email.text()).isEqualTo("Hi Ada");
    assertThat(email.html())
        .startsWith(
            "<html><head><title>x</title></head><body class=\"b\"><span data-herald-preheader")
        .contains("display:none;max-height:0", "overflow:hidden", ">Thanks, Ada</span><div>")
        .contains("<div><p>Hi Ada</p></div><p>Sent to ada@example.test</p></body></html>");
  }

  @Test
  void aRewriteChangesTheOneParseAfterTheTextWasDerivedFromIt() {
    CompiledEmail compiled =
        emails.compile(
            template(
                "<style>p{}</style><p>Hi {{ customer.first_name }}</p><p><a"
                    + " href=\"https://shop.test/a\">Shop</a></p>",
                ""),
            null,
            Map.of());
    java.util.List<String> seen = new java.util.ArrayList<>();

    RenderedEmail email =
        compiled.render(
            vars,
            page -> {
              seen.add(page.document().select("a").attr("href"));
              page.setAttribute(page.document().selectFirst("a"), "href", "https://t.test/c");
              page.appendToBody(
                  new org.jsoup.nodes.Element("img").attr("src", "https://t.test/o.gif"));
            });

    assertThat(seen).containsExactly("https://shop.test/a");
    assertThat(email.text()).isEqualTo("Hi Ada\n\nShop (https://shop.test/a)");
    assertThat(email.html())
        .startsWith("<span data-herald-preheader")
        .contains(">Thanks, Ada</span><style>p{}</style><p>Hi Ada</p>")
        .endsWith("<a href=\"https://t.test/c\">Shop</a></p><img src=\"https://t.test/o.gif\">");
    assertThat(compiled.render(vars)).isEqualTo(compiled.render(vars, null));
    assertThat(compiled.render(vars).text()).isEqualTo(email.text());
  }

  @Test
  void preheaderGoesFirstWhenThereIsNoBodyTagAndIsEscaped() {
    EmailTemplate t =
        new EmailTemplate("s", "f", null, "1 < 2 & {{ customer.first_name }}", "<p>x</p>", null);
    RenderedEmail email = emails.render(t, null, Map.of(), vars);
    assertThat(email.html())
        .startsWith("<span data-herald-preheader")
        .endsWith(">1 &lt; 2 &amp; Ada</span><p>x</p>");
    assertThat(email.replyTo()).isEmpty();
  }

  @Test
  void plainTextIsDerivedFromHtmlWhenEmpty() {
    String html =
        "<html><head><style>p{color:red}</style></head><body>"
            + "<h1>Welcome,   {{ customer.first_name }}!</h1>"
            + "<p>Your order is\n   ready.<br>Track it <a href=\"https://acme.test/o/1\">here</a>.</p>"
            + "<p><a href=\"https://acme.test\">https://acme.test</a></p>"
            + "<ul><li>One</li><li>Two</li></ul>"
            + "<script>alert(1)</script></body></html>";
    RenderedEmail email = emails.render(template(html, "  "), null, Map.of(), vars);
    assertThat(email.text())
        .isEqualTo(
            "Welcome, Ada!\n\nYour order is ready.\nTrack it here (https://acme.test/o/1).\n\n"
                + "https://acme.test\n\nOne\nTwo");
  }

  @Test
  void derivedTextIncludesLayoutButNotPreheader() {
    RenderedEmail email =
        emails.render(
            template("<p>Body</p>", null),
            "<body><p>Header</p>{{ content }}<p>Footer</p></body>",
            Map.of(),
            vars);
    assertThat(email.text()).isEqualTo("Header\n\nBody\n\nFooter");
  }

  @Test
  void layoutSeesTheSameVariables() {
    RenderedEmail email =
        emails.render(
            template("b", null), "{{ customer.first_name }}:{{ content }}", Map.of(), vars);
    assertThat(email.html()).endsWith("</span>Ada:b");
  }

  @Test
  void errorsNameTheField() {
    assertThat(fieldOfError(new EmailTemplate("{{ x }}", "", "", "", "", ""), null, Map.of()))
        .isEqualTo("subject");
    assertThat(fieldOfError(new EmailTemplate("", "{{ x }}", "", "", "", ""), null, Map.of()))
        .isEqualTo("from");
    assertThat(fieldOfError(new EmailTemplate("", "", "{{ x }}", "", "", ""), null, Map.of()))
        .isEqualTo("reply_to");
    assertThat(fieldOfError(new EmailTemplate("", "", "", "{{ x }}", "", ""), null, Map.of()))
        .isEqualTo("preheader");
    assertThat(fieldOfError(new EmailTemplate("", "", "", "", "{{ x }}", ""), null, Map.of()))
        .isEqualTo("body");
    assertThat(fieldOfError(new EmailTemplate("", "", "", "", "", "{{ x }}"), null, Map.of()))
        .isEqualTo("body_plain");
    EmailTemplate fine = new EmailTemplate("", "", "", "", "", "");
    assertThat(fieldOfError(fine, "{{ x }}", Map.of())).isEqualTo("layout");
    assertThat(fieldOfError(fine, null, Map.of("footer", "a\n{{ customer.nope }}")))
        .isEqualTo("snippets.footer");
  }

  @Test
  void snippetErrorCarriesLineAndVariable() {
    TemplateError error =
        catchThrowableOfType(
                TemplateException.class,
                () ->
                    emails.render(
                        new EmailTemplate("s", "f", "", "", "{{ snippets.footer }}", ""),
                        null,
                        Map.of("footer", "a\n{{ customer.nope }}"),
                        vars))
            .error();
    assertThat(error.describe()).isEqualTo("snippets.footer line 2: customer.nope is not defined");
  }

  @Test
  void compileErrorsNameTheField() {
    TemplateError error =
        catchThrowableOfType(
                TemplateException.class,
                () ->
                    emails.compile(
                        new EmailTemplate("", "", "", "", "", ""), "{{ x | nope }}", Map.of()))
            .error();
    assertThat(error.field()).isEqualTo("layout");
    assertThat(error.message()).isEqualTo("unknown filter 'nope'");
  }

  @Test
  void compiledEmailRendersForManyRecipients() {
    CompiledEmail compiled =
        emails.compile(template("<p>{{ customer.first_name }}</p>", null), null, Map.of());
    for (String name : new String[] {"Ada", "Grace", "Linus"}) {
      Map<String, Object> v =
          RenderVariables.builder()
              .customer("1", "x@y.test", null, Map.of("first_name", name))
              .trigger(Map.of("order_id", "1"))
              .build()
              .asMap();
      assertThat(compiled.render(v).text()).isEqualTo(name);
    }
  }

  private String fieldOfError(EmailTemplate t, String layout, Map<String, String> snippets) {
    return catchThrowableOfType(
            TemplateException.class, () -> emails.render(t, layout, snippets, vars))
        .error()
        .field();
  }
}
