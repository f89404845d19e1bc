package io.herald.people.internal;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletionStage;

/** An {@link Event} nobody observes. */
final class IgnoredEvent<T> implements Event<T> {
  @Override
  public void fire(T event) {}

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event) {
    throw new AssertionError("not used");
  }

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
    throw new AssertionError("not used");
  }

  @Override
  public Event<T> select(Annotation... qualifiers) {
    throw new AssertionError("not used");
  }

  @Override
  public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
    throw new AssertionError("not used");
  }

  @Override
  public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
    throw new AssertionError("not used");
  }
}
