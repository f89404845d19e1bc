package io.herald.plugins.emailsmtp;

/**
 * Runs code with the thread context class loader set to the plugin's own class loader. Jakarta Mail
 * and Jakarta Activation find their providers, stream provider and mailcaps through the TCCL; a
 * host thread's TCCL may be the application's (with another mail implementation) or anything.
 */
final class ContextClassLoader {

  /** Code that may throw a checked exception. */
  @FunctionalInterface
  interface Action<T, E extends Exception> {
    T run() throws E;
  }

  private ContextClassLoader() {}

  /** Runs {@code action} with the TCCL set to the loader of this plugin, then restores it. */
  static <T, E extends Exception> T ofPlugin(Action<T, E> action) throws E {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ContextClassLoader.class.getClassLoader());
    try {
      return action.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
