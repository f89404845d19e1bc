package io.herald.journeys.internal;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/** The engine's parts, wired once (by {@link JourneyEngine} in the app, by hand in tests). */
final class Engine {

  final JourneyStore journeys;
  final Entries entries;
  final StepRunner steps;
  final Triggers triggers;
  final FeedFilter feedFilter;
  final TimerPoller poller;
  final SegmentFeed segmentFeed;
  final Lifecycle lifecycle;
  final DateTriggers dates;
  final ObjectTriggers objects;
  final Webhooks webhooks;
  final RunMover mover;
  final DraftTesting testing;
  final DeletedPeople deletedPeople;

  Engine(
      DataSource dataSource,
      Clock clock,
      Effects effects,
      int batchSize,
      Duration lease,
      Duration eventWindow,
      int feedSettleSeconds) {
    journeys = new JourneyStore();
    entries = new Entries(effects);
    steps = new StepRunner(journeys, effects);
    triggers = new Triggers(dataSource, clock, journeys, entries, steps, effects, eventWindow);
    feedFilter = new FeedFilter(dataSource, journeys);
    poller = new TimerPoller(dataSource, clock, steps, batchSize, lease);
    segmentFeed = new SegmentFeed(dataSource, triggers, feedFilter, feedSettleSeconds);
    dates = new DateTriggers(dataSource, clock, journeys, entries, effects, batchSize);
    objects = new ObjectTriggers(dataSource, clock, journeys, entries, effects, feedSettleSeconds);
    webhooks = new Webhooks(dataSource, clock, journeys, entries, effects);
    lifecycle = new Lifecycle(dataSource, clock, journeys, steps, dates);
    mover = new RunMover(dataSource, clock, journeys, steps);
    testing = new DraftTesting(dataSource, clock, journeys, effects);
    deletedPeople = new DeletedPeople(dataSource, clock, steps);
  }
}
