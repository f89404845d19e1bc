package io.herald.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.people.api.PeopleQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeopleSearchSqlTest {

  @Test
  void everyoneWalksTheRecentIndexNewestFirstBelowTheBound() {
    List<PeopleSearchSql> statements = PeopleSearchSql.of(new PeopleQuery.Everyone(), 7, 500);

    assertThat(statements).hasSize(1);
    PeopleSearchSql only = statements.get(0);
    assertThat(only.sql())
        .contains("FORCE INDEX (ix_people_person_recent)")
        .contains("p.workspace_id = ?1 AND p.id < ?2")
        .endsWith("ORDER BY p.id DESC");
    assertThat(only.parameters()).containsExactly(7L, 500L);
    assertThat(only.scans()).isFalse();
  }

  @Test
  void identifierSearchUsesTheIdEmailAndCioIdIndexes() {
    List<PeopleSearchSql> statements =
        PeopleSearchSql.of(new PeopleQuery.Identifier("  Ada@Example "), 1, Long.MAX_VALUE);

    assertThat(statements)
        .extracting(PeopleSearchSql::sql)
        .satisfiesExactly(
            id -> assertThat(id).contains("ux_people_person_customer", "customer_id LIKE ?3"),
            email -> assertThat(email).contains("ux_people_person_email", "email_key LIKE ?3"),
            cio -> assertThat(cio).contains("ux_people_person_cio", "cio_id = ?3"));
    // The id prefix keeps its case; the email prefix is matched against lower-cased email_key.
    assertThat(statements.get(0).parameters()).containsExactly(1L, Long.MAX_VALUE, "Ada@Example%");
    assertThat(statements.get(1).parameters()).containsExactly(1L, Long.MAX_VALUE, "ada@example%");
    assertThat(statements.get(2).parameters()).containsExactly(1L, Long.MAX_VALUE, "Ada@Example");
    assertThat(statements).noneMatch(PeopleSearchSql::scans);
  }

  @Test
  void likeWildcardsInTheSearchTextMatchThemselves() {
    assertThat(PeopleSearchSql.likePrefix("50%_off!")).isEqualTo("50!%!_off!!%");
  }

  @Test
  void attributeSearchBindsAQuotedPathAndTheValueAndIsMarkedAsAScan() {
    PeopleSearchSql statement =
        PeopleSearchSql.of(new PeopleQuery.AttributeEquals(" plan.tier ", "pro"), 3, 90).get(0);

    assertThat(statement.sql())
        .contains("ix_people_person_recent", "JSON_EXTRACT(p.attributes, ?3)", "CAST(?4 AS BINARY)")
        .doesNotContain("plan", "pro");
    assertThat(statement.parameters()).containsExactly(3L, 90L, "$.\"plan.tier\"", "pro");
    assertThat(statement.scans()).isTrue();
    assertThat(PeopleSearchSql.path("say \"hi\"\\")).isEqualTo("$.\"say \\\"hi\\\"\\\\\"");
  }

  @Test
  void pageTokensAreKeysFromAPreviousPage() {
    assertThat(PeopleSearch.below("")).isEqualTo(Long.MAX_VALUE);
    assertThat(PeopleSearch.below(null)).isEqualTo(Long.MAX_VALUE);
    assertThat(PeopleSearch.below("1234")).isEqualTo(1234L);
    assertThatThrownBy(() -> PeopleSearch.below("0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeopleSearch.below("12 OR 1=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
