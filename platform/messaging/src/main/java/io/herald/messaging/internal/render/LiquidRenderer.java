package io.herald.messaging.internal.render;

import io.herald.messaging.api.TemplateError;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import liqp.Template;
import liqp.TemplateParser;
import liqp.exceptions.LiquidException;
import liqp.filters.Filter;
import liqp.filters.Filters;
import liqp.nodes.LNode;
import liqp.org.antlr.v4.runtime.tree.ParseTree;
import liqp.parser.Flavor;
import liqp.tags.Tag;

/**
 * Compiles Liquid templates the way Customer.io renders them: strict variables (see {@link
 * StrictNodeVisitor} for the exceptions Customer.io makes), strict filters, the standard Liquid
 * filters and Customer.io's own ({@link CustomerIoFilters}), and bounded by {@link RenderLimits}.
 * Thread-safe; one per application.
 */
public final class LiquidRenderer {

  /** Jekyll filters that Liqp ships and Customer.io lists. */
  private static final Set<String> JEKYLL_FILTERS_KEPT =
      Set.of("normalize_whitespace", "pop", "push", "shift", "unshift", "where_exp");

  private final TemplateParser parser;
  private final RenderLimits limits;

  /**
   * @param clock the time {@code 'now'} and {@code 'today'} mean in templates
   * @param limits bounds applied to every template compiled here
   */
  public LiquidRenderer(Clock clock, RenderLimits limits) {
    Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    TemplateParser.Builder builder =
        new TemplateParser.Builder()
            .withFlavor(Flavor.LIQUID)
            .withErrorMode(TemplateParser.ErrorMode.STRICT)
            // Strictness is applied by StrictNodeVisitor, which knows where a lookup sits.
            .withStrictVariables(false)
            .withStrictTypedExpressions(false)
            .withLocale(Locale.ENGLISH)
            .withDefaultTimeZone(ZoneOffset.UTC)
            .withMaxIterations(limits.maxIterations())
            .withMaxSizeRenderedString(limits.maxOutputChars())
            .withNameResolver(
                name -> {
                  throw new IOException("include is not supported");
                });
    for (Filter filter : Filters.JEKYLL_FILTERS.values()) {
      if (JEKYLL_FILTERS_KEPT.contains(filter.getName())) {
        builder.withFilter(filter);
      }
    }
    for (Filter filter : CustomerIoFilters.all(clock)) {
      builder.withFilter(filter);
    }
    for (Tag tag : LinkTags.all()) {
      builder.withTag(tag);
    }
    this.parser = builder.build();
  }

  /** With {@link RenderLimits#DEFAULTS}. */
  public LiquidRenderer(Clock clock) {
    this(clock, RenderLimits.DEFAULTS);
  }

  /** The bounds applied to every template. */
  public RenderLimits limits() {
    return limits;
  }

  /** Names of every filter templates may use, for documentation and editor completion. */
  public List<String> filterNames() {
    return parser.filters.values().stream().map(Filter::getName).sorted().toList();
  }

  /**
   * Parses a template once; render the result as often as needed.
   *
   * @param field the field the source belongs to, used in errors ({@code subject}, {@code body},
   *     ...)
   * @param source Liquid source; null is treated as empty
   * @throws TemplateException with the line and column of a syntax error, an unknown filter or an
   *     {@code include}
   */
  public CompiledTemplate compile(String field, String source) {
    Objects.requireNonNull(field, "field");
    String text = source == null ? "" : source;
    if (text.length() > limits.maxTemplateChars()) {
      throw new TemplateException(
          new TemplateError(
              field,
              0,
              0,
              null,
              "template is longer than " + limits.maxTemplateChars() + " characters"));
    }
    ParseTree root;
    try {
      Template template = parser.parse(text);
      root = template.getParseTree();
    } catch (RuntimeException e) {
      throw new TemplateException(syntaxError(field, e), e);
    }
    LNode tree;
    try {
      tree = CompiledTemplate.newVisitor(parser, text).visit(root);
    } catch (RenderFailure e) {
      throw new TemplateException(
          new TemplateError(field, e.line(), e.column(), null, e.getMessage()), e);
    } catch (RuntimeException e) {
      throw new TemplateException(new TemplateError(field, 0, 0, null, e.getMessage()), e);
    }
    return new CompiledTemplate(field, text, root, parser, limits, tree);
  }

  private static TemplateError syntaxError(String field, RuntimeException thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof LiquidException liquid) {
        return new TemplateError(
            field,
            liquid.line,
            liquid.charPositionInLine + 1,
            null,
            "syntax error: " + readable(liquid.getMessage()));
      }
    }
    return new TemplateError(field, 0, 0, null, "syntax error: " + thrown.getMessage());
  }

  /** Liqp says {@code parser error "<antlr message>" on line 1, index 4}; keep the middle. */
  private static String readable(String message) {
    int first = message.indexOf('"');
    int last = message.lastIndexOf('"');
    if (first >= 0 && last > first) {
      return message.substring(first + 1, last);
    }
    return message.strip();
  }
}
