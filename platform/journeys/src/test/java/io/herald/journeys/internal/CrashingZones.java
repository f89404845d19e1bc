package io.herald.journeys.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The recorded effects, except that reading one chosen person's zone fails once, as if the node
 * died in the middle of a broadcast's transaction. A proxy, so it follows {@link Effects} as the
 * interface grows.
 */
final class CrashingZones {

  private final AtomicReference<String> crashAt = new AtomicReference<>();
  private final Effects effects;

  CrashingZones(Effects delegate) {
    this.effects =
        (Effects)
            Proxy.newProxyInstance(
                Effects.class.getClassLoader(),
                new Class<?>[] {Effects.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("zoneOf")) {
                    String cioId = (String) args[1];
                    String chosen = crashAt.get();
                    if (cioId.equals(chosen) && crashAt.compareAndSet(chosen, null)) {
                      throw new IllegalStateException("the node died reading " + cioId + "'s zone");
                    }
                  }
                  try {
                    return method.invoke(delegate, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  /** The next zone read of this person fails. */
  void crashAt(String cioId) {
    crashAt.set(cioId);
  }

  /** The effects to hand to the code under test. */
  Effects effects() {
    return effects;
  }
}
