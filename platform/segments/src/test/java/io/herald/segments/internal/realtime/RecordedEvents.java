package io.herald.segments.internal.realtime;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A CDI {@link Event} that keeps what was fired; anything else fails the test. */
final class RecordedEvents<T> implements Event<T> {

  final List<T> fired = new CopyOnWriteArrayList<>();

  @Override
  public void fire(T event) {
    fired.add(event);
  }

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event) {
    throw new AssertionError("fireAsync not expected");
  }

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
    throw new AssertionError("fireAsync not expected");
  }

  @Override
  public Event<T> select(Annotation... qualifiers) {
    throw new AssertionError("select not expected");
  }

  @Override
  public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
    throw new AssertionError("select not expected");
  }

  @Override
  public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
    throw new AssertionError("select not expected");
  }
}
