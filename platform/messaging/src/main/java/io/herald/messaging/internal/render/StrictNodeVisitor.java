package io.herald.messaging.internal.render;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import liqp.Insertions;
import liqp.TemplateContext;
import liqp.filters.Filters;
import liqp.nodes.FilterNode;
import liqp.nodes.LNode;
import liqp.nodes.LookupNode;
import liqp.org.antlr.v4.runtime.ParserRuleContext;
import liqp.org.antlr.v4.runtime.tree.ParseTree;
import liqp.parser.v4.NodeVisitor;
import liquid.parser.v4.LiquidParser;

/**
 * Builds Liqp's node tree with Herald's strictness rules, which follow Customer.io's (LiquidJS with
 * {@code strictVariables} and {@code lenientIf}):
 *
 * <ul>
 *   <li>an undefined variable is an error carrying its full path, line and column;
 *   <li>except in the condition of {@code if}/{@code elsif}/{@code unless}, where it is nil (so
 *       {@code {% if customer.x %}} and {@code != blank} guards work), and as the input of an
 *       output or assignment whose first filter is {@code default};
 *   <li>an unknown filter is an error found at compile time;
 *   <li>{@code include} is refused: templates share content through snippets.
 * </ul>
 *
 * A visitor is cheap and used once: the node tree it builds holds per-render state, so every render
 * builds its own from the shared, read-only parse tree.
 */
final class StrictNodeVisitor extends NodeVisitor {

  private final Filters filters;
  private final String source;

  StrictNodeVisitor(Insertions insertions, Filters filters, String source) {
    super(insertions, filters, true);
    this.filters = filters;
    this.source = source;
  }

  @Override
  public LNode visitExpr_eq(LiquidParser.Expr_eqContext ctx) {
    boolean negate = ctx.op.getType() == LiquidParser.NEq;
    if (isBlank(ctx.rhs)) {
      return blankCheck(visit(ctx.lhs), negate);
    }
    if (isBlank(ctx.lhs)) {
      return blankCheck(visit(ctx.rhs), negate);
    }
    return super.visitExpr_eq(ctx);
  }

  private static boolean isBlank(LiquidParser.ExprContext expr) {
    return expr instanceof LiquidParser.Expr_termContext term
        && term.term() instanceof LiquidParser.Term_BlankContext;
  }

  /** Ruby Liquid's {@code blank}: nil, false, empty or whitespace-only text, empty collections. */
  private static LNode blankCheck(LNode operand, boolean negate) {
    return context -> {
      Object value = operand.render(context);
      boolean blank =
          value == null
              || Boolean.FALSE.equals(value)
              || (value instanceof CharSequence text && text.toString().isBlank())
              || (value instanceof java.util.Collection<?> c && c.isEmpty())
              || (value instanceof java.util.Map<?, ?> m && m.isEmpty());
      return blank != negate;
    };
  }

  @Override
  public LookupNode visitLookup_id_indexes(LiquidParser.Lookup_id_indexesContext ctx) {
    return checked(super.visitLookup_id_indexes(ctx), ctx);
  }

  @Override
  public LookupNode visitLookup_Str(LiquidParser.Lookup_StrContext ctx) {
    return checked(super.visitLookup_Str(ctx), ctx);
  }

  @Override
  public LookupNode visitLookup_Id(LiquidParser.Lookup_IdContext ctx) {
    return checked(super.visitLookup_Id(ctx), ctx);
  }

  @Override
  public FilterNode visitFilter(LiquidParser.FilterContext ctx) {
    String name = ctx.Id().getText();
    if (filters.get(name) == null) {
      throw RenderFailure.at("unknown filter '" + name + "'", line(ctx), column(ctx));
    }
    return super.visitFilter(ctx);
  }

  @Override
  public LNode visitOutput(LiquidParser.OutputContext ctx) {
    LNode output = super.visitOutput(ctx);
    return context -> isoIfTemporal(output.render(context));
  }

  @Override
  public LNode visitInclude_tag(LiquidParser.Include_tagContext ctx) {
    throw refuseInclude(ctx);
  }

  @Override
  public LNode visitInclude_relative_tag(LiquidParser.Include_relative_tagContext ctx) {
    throw refuseInclude(ctx);
  }

  private RenderFailure refuseInclude(ParserRuleContext ctx) {
    return RenderFailure.at(
        "include is not supported; use {{snippets.NAME}}", line(ctx), column(ctx));
  }

  private LookupNode checked(LookupNode lookup, ParserRuleContext ctx) {
    String path = ctx.getText();
    if (path.endsWith("?")) {
      path = path.substring(0, path.length() - 1);
    }
    return new CheckedLookupNode(lookup, path, line(ctx), column(ctx), isLenient(ctx));
  }

  private static int line(ParserRuleContext ctx) {
    return ctx.start.getLine();
  }

  /**
   * 1-based column from the token's offset: Liqp's lexer reports positions inside output tags from
   * a different origin, so the offset into the source is the reliable measure.
   */
  private int column(ParserRuleContext ctx) {
    int offset = ctx.start.getStartIndex();
    if (offset < 0 || offset > source.length()) {
      return ctx.start.getCharPositionInLine() + 1;
    }
    return offset - source.lastIndexOf('\n', offset - 1);
  }

  /** Whether an undefined value at this lookup is nil rather than an error. */
  static boolean isLenient(ParserRuleContext lookup) {
    ParseTree node = lookup.getParent();
    while (node instanceof LiquidParser.TermContext || node instanceof LiquidParser.ExprContext) {
      node = node.getParent();
    }
    if (node instanceof LiquidParser.If_tagContext
        || node instanceof LiquidParser.Elsif_tagContext
        || node instanceof LiquidParser.Unless_tagContext) {
      return true;
    }
    if (node instanceof LiquidParser.OutputContext output) {
      return firstFilterIsDefault(output.filter());
    }
    if (node instanceof LiquidParser.AssignmentContext assignment) {
      return firstFilterIsDefault(assignment.filter());
    }
    return false;
  }

  private static boolean firstFilterIsDefault(List<LiquidParser.FilterContext> filters) {
    return !filters.isEmpty() && "default".equals(filters.get(0).Id().getText());
  }

  private static Object isoIfTemporal(Object value) {
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof ZonedDateTime || value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((TemporalAccessor) value);
    }
    return value;
  }

  /** A lookup that knows where it is in the source and whether a missing value is an error. */
  private static final class CheckedLookupNode extends LookupNode {

    private final LookupNode lookup;
    private final String path;
    private final int line;
    private final int column;
    private final boolean lenient;

    CheckedLookupNode(LookupNode lookup, String path, int line, int column, boolean lenient) {
      super(path);
      this.lookup = lookup;
      this.path = path;
      this.line = line;
      this.column = column;
      this.lenient = lenient;
    }

    @Override
    public Object render(TemplateContext context) {
      Object value = lookup.render(context);
      if (value == null && !lenient) {
        throw RenderFailure.undefined(path, line, column);
      }
      return value;
    }

    @Override
    public String toString() {
      return path;
    }
  }
}
