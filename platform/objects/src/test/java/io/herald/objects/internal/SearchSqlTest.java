package io.herald.objects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.objects.api.ObjectFilter.All;
import io.herald.objects.api.ObjectFilter.Any;
import io.herald.objects.api.ObjectFilter.Condition;
import io.herald.objects.api.ObjectFilter.Not;
import io.herald.objects.api.ObjectFilter.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSqlTest {

  @Test
  void compilesTheTreeWithBoundParametersNumberedFromTheFirst() {
    SearchSql sql =
        SearchSql.compile(
            new All(
                List.of(
                    new Condition("name", Operator.EXISTS, null),
                    new Any(
                        List.of(
                            new Condition("plan", Operator.EQ, "pro"),
                            new Not(new Condition("plan", Operator.EQ, "free")))))),
            4);
    assertThat(sql.clause())
        .isEqualTo(
            "((JSON_EXTRACT(o.attributes, ?4) IS NOT NULL) AND"
                + " ((CAST(JSON_UNQUOTE(JSON_EXTRACT(o.attributes, ?5)) AS BINARY) = CAST(?6 AS BINARY)) OR"
                + " (NOT COALESCE((CAST(JSON_UNQUOTE(JSON_EXTRACT(o.attributes, ?7)) AS BINARY) ="
                + " CAST(?8 AS BINARY)), FALSE))))");
    assertThat(sql.parameters())
        .containsExactly("$.\"name\"", "$.\"plan\"", "pro", "$.\"plan\"", "free");
  }

  @Test
  void pathsQuoteTheNameSoDotsQuotesAndBackslashesStayLiteral() {
    assertThat(SearchSql.path("a.b c")).isEqualTo("$.\"a.b c\"");
    assertThat(SearchSql.path("say \"hi\"\\")).isEqualTo("$.\"say \\\"hi\\\"\\\\\"");
    // User text never reaches the SQL text, only the parameters.
    SearchSql sql = SearchSql.compile(new Condition("x'); DROP TABLE t; --", Operator.EQ, "'"), 1);
    assertThat(sql.clause()).doesNotContain("DROP").doesNotContain("'");
  }
}
