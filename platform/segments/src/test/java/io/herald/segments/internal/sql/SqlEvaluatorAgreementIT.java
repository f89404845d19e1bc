package io.herald.segments.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.ZoneChoice;
import io.herald.segments.internal.evaluate.DefaultPersonEvaluator;
import io.herald.segments.internal.evaluate.PersonEvaluator;
import io.herald.segments.internal.evaluate.PersonFacts;
import io.herald.segments.internal.sql.AgreementCases.Case;
import io.herald.testing.MigratedTestDatabase;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.statistics.Statistics;

/**
 * The two evaluators agree: for random people (attributes, events, relationships, devices,
 * memberships, engagements) written into the real database and random condition trees, {@link
 * SqlSegmentQueries#verdicts}, {@code count} and {@code batch} say of every person exactly what
 * {@link DefaultPersonEvaluator} says from the same data in memory. Fixed seed: a run is
 * reproducible, and a failure names the tree, the person and both answers.
 *
 * <p>One workspace serves every try ({@link AgreementRows}).
 */
@AddLifecycleHook(SqlEvaluatorAgreementIT.RequiresDatabase.class)
class SqlEvaluatorAgreementIT {

  /** How far ahead the re-check timers are put to the test. */
  private static final List<Duration> LATER =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofHours(1),
          Duration.ofHours(13),
          Duration.ofDays(1),
          Duration.ofDays(3),
          Duration.ofDays(8),
          Duration.ofDays(31),
          Duration.ofDays(400));

  private final PersonEvaluator evaluator = new DefaultPersonEvaluator();
  private final long workspace = MigratedTestDatabase.freshWorkspace();
  private final AgreementRows rows = new AgreementRows(workspace);

  @Provide
  Arbitrary<Case> cases() {
    return AgreementCases.cases();
  }

  @Property(tries = 500, seed = "20261129", edgeCases = EdgeCasesMode.NONE)
  void sqlAndTheInMemoryEvaluatorAgreeOnEveryPerson(@ForAll("cases") Case c) {
    Map<String, PersonFacts> facts = rows.write(c);
    SqlSegmentQueries queries = new SqlSegmentQueries(MigratedTestDatabase.dataSource(), 3);
    // The SQL MySQL gets (MariaDB runs it too): it must agree as well.
    SqlSegmentQueries portable =
        new SqlSegmentQueries(MigratedTestDatabase.dataSource(), 3, Dialect.PORTABLE);
    SqlRebuildSets sets = new SqlRebuildSets(MigratedTestDatabase.dataSource());
    WorkspaceId id = new WorkspaceId(workspace);
    for (int t = 0; t < c.trees().size(); t++) {
      Condition tree = c.trees().get(t);
      Map<String, Boolean> sql = new LinkedHashMap<>();
      for (SegmentQueries.Verdict v : queries.verdicts(id, tree, c.now(), c.zone(), 0, 1000)) {
        sql.put(v.cioId(), v.matches());
      }
      assertThat(sql.keySet()).containsExactlyInAnyOrderElementsOf(facts.keySet());
      Map<String, Boolean> portableSql = new LinkedHashMap<>();
      for (SegmentQueries.Verdict v : portable.verdicts(id, tree, c.now(), c.zone(), 0, 1000)) {
        portableSql.put(v.cioId(), v.matches());
      }
      assertThat(portableSql).as("the portable SQL agrees%n tree: %s", tree).isEqualTo(sql);
      for (PersonFacts person : facts.values()) {
        boolean memory = evaluator.evaluate(tree, person, c.now(), c.zone()).matches();
        assertThat(sql.get(person.cioId()))
            .as(
                "SQL says %s, the evaluator %s%n tree: %s%n person: %s%n now %s, workspace zone %s",
                sql.get(person.cioId()), memory, tree, person, c.now(), c.zone())
            .isEqualTo(memory);
      }
      List<String> matching =
          sql.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
      if (t == 0) { // count and batch read the person zones their own way
        assertThat(queries.count(id, tree, c.now(), c.zone())).isEqualTo(matching.size());
        assertThat(queries.batch(id, tree, c.now(), c.zone(), 0, 1000))
            .extracting(SegmentQueries.Match::cioId)
            .containsExactlyElementsOf(matching);
      }
      long run = StagedSets.nextRun();
      sets.collect(id, tree, c.now(), c.zone(), StagedSets.SEGMENT, run);
      assertThat(StagedSets.matches(MigratedTestDatabase.dataSource(), run))
          .as("collect (a rebuild's set) agrees%n tree: %s", tree)
          .containsExactlyInAnyOrderElementsOf(matching);
      sets.timers(id, tree, c.now(), c.zone(), StagedSets.SEGMENT, run);
      Map<String, Instant> timers = StagedSets.timers(MigratedTestDatabase.dataSource(), run);
      for (PersonFacts person : facts.values()) {
        boolean then = evaluator.evaluate(tree, person, c.now(), c.zone()).matches();
        Instant due = timers.get(person.cioId());
        for (Instant later : LATER.stream().map(c.now()::plus).toList()) {
          if (due == null || later.isBefore(due)) {
            assertThat(evaluator.evaluate(tree, person, later, c.zone()).matches())
                .as(
                    "no re-check timer before %s (due %s), yet the result changes at %s%n"
                        + " tree: %s%n person: %s",
                    later, due, later, tree, person)
                .isEqualTo(then);
          }
        }
      }
      String outcome = matching.isEmpty() ? "none" : matching.size() == sql.size() ? "all" : "some";
      Statistics.label(t == 0 ? "deep tree" : "leaf").collect(kind(tree, t), outcome);
      if (t > 0) {
        Statistics.label("person zone").collect(zoneDecides(tree, facts.values(), c));
      }
    }
    // The generators must keep producing trees that split the people (guards the domains).
    Statistics.label("deep tree")
        .coverage(checker -> checker.check("tree", "some").percentage(p -> p >= 15));
    Statistics.label("person zone").coverage(checker -> checker.check(true).count(n -> n >= 10));
    Statistics.label("leaf")
        .coverage(
            checker -> {
              for (String kind : LEAF_KINDS) {
                checker.check(kind, "some").count(n -> n >= 3);
              }
            });
  }

  /**
   * Whether a person's time zone decides the leaf for someone: the evaluator answers differently
   * without their {@code timezone} attribute (so comparisons in the person's zone are really put to
   * the test).
   */
  private boolean zoneDecides(Condition leaf, Collection<PersonFacts> people, Case c) {
    if (!(leaf instanceof AttributeCondition attribute)
        || attribute.match().zone() != ZoneChoice.PERSON) {
      return false;
    }
    for (PersonFacts p : people) {
      PersonFacts withoutZone =
          new PersonFacts(
              p.cioId(),
              JsonProvider.provider()
                  .createObjectBuilder(p.attributes())
                  .remove("timezone")
                  .build(),
              p.events(),
              p.relationships(),
              p.devices(),
              p.segments(),
              p.engagements());
      if (evaluator.evaluate(leaf, p, c.now(), c.zone()).matches()
          != evaluator.evaluate(leaf, withoutZone, c.now(), c.zone()).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Every leaf kind, with attribute leaves by operator. */
  private static final List<String> LEAF_KINDS =
      Stream.concat(
              Arrays.stream(Operator.values()).map(o -> "attribute " + o.wireName()),
              Stream.of("event", "engagement", "relationship", "segment", "device"))
          .toList();

  private static String kind(Condition tree, int index) {
    if (index == 0) {
      return "tree";
    }
    if (tree instanceof AttributeCondition attribute) {
      return "attribute " + attribute.match().operator().wireName();
    }
    return tree.getClass().getSimpleName().replace("Condition", "").toLowerCase(Locale.ROOT);
  }

  /** The workspace's object types, objects and segments, written once. */
  @BeforeProperty
  void objectsAndSegments() {
    rows.objectsAndSegments();
  }

  /** Skips the property, with the reason, when the run has no database. */
  static final class RequiresDatabase implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      Optional<String> reason = MigratedTestDatabase.unavailable();
      return reason.map(SkipResult::skip).orElse(SkipResult.doNotSkip());
    }
  }
}
