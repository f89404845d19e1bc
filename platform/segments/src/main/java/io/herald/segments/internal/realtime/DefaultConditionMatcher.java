package io.herald.segments.internal.realtime;

import io.herald.segments.api.ConditionMatcher;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.internal.evaluate.DefaultPersonEvaluator;
import io.herald.segments.internal.evaluate.PersonFacts;
import io.herald.segments.internal.evaluate.PersonFacts.EventFact;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * One person's facts read as the real-time engine reads them ({@link FactsLoader}, only what the
 * tree mentions) and evaluated in memory ({@link DefaultPersonEvaluator}), with a {@link
 * Hypothesis}'s attributes set over the stored ones and its events added to them.
 */
@ApplicationScoped
public class DefaultConditionMatcher implements ConditionMatcher {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject WorkspaceZones zones;

  private LongFunction<ZoneId> zoneOf;

  /** For CDI. */
  protected DefaultConditionMatcher() {}

  /** Outside a container (tests): the database and each workspace's zone. */
  public DefaultConditionMatcher(DataSource dataSource, LongFunction<ZoneId> zoneOf) {
    this.dataSource = dataSource;
    this.zoneOf = zoneOf;
  }

  @Override
  public boolean matches(
      WorkspaceId workspace,
      String cioId,
      ConditionDocument conditions,
      Instant now,
      Hypothesis hypothesis) {
    PersonFacts facts =
        Transactions.autoCommit(
                dataSource,
                "condition matcher",
                c ->
                    FactsLoader.load(
                        c, workspace.value(), List.of(cioId), Mentions.of(conditions.root()), now))
            .get(cioId);
    if (facts == null) {
      return false;
    }
    if (!hypothesis.isEmpty()) {
      List<EventFact> events = new ArrayList<>(facts.events());
      hypothesis
          .events()
          .forEach(e -> events.add(new EventFact(e.name(), e.occurredAt(), e.data())));
      JsonObjectBuilder attributes = Jsons.createObjectBuilder(facts.attributes());
      hypothesis.attributes().forEach(attributes::add);
      facts =
          new PersonFacts(
              facts.cioId(),
              attributes.build(),
              events,
              facts.relationships(),
              facts.devices(),
              facts.segments(),
              facts.engagements());
    }
    ZoneId zone = zoneOf != null ? zoneOf.apply(workspace.value()) : zones.of(workspace.value());
    return new DefaultPersonEvaluator().evaluate(conditions.root(), facts, now, zone).matches();
  }
}
