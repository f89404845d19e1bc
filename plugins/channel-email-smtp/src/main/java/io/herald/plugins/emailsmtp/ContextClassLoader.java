package io.herald.plugins.emailsmtp;

/**
 * Runs code with the thread context class loader set to the plugin's own class loader. Jakarta Mail
 * and Jakarta Activation find their providers, stream provider and mailcaps through the TCCL; a
 * host thread's TCCL may be the application's (with another mail implementation) or anything.
 *
 * <p>The TCCL set is {@link ServiceCachingLoader} around the plugin's loader: Jakarta Mail 2.1
 * looks its {@code StreamProvider} up through {@link java.util.ServiceLoader} for every message,
 * multipart and body part, and each lookup searched every jar the plugin loader sees (the host's
 * too) for the service file; that search was about 40% of a sending thread's CPU.
 */
final class ContextClassLoader {

  /** Code that may throw a checked exception. */
  @FunctionalInterface
  interface Action<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * One for the plugin's life: Jakarta Activation keeps its default command map per TCCL, so a new
   * loader per call would also rebuild that.
   */
  private static final ClassLoader LOADER =
      new ServiceCachingLoader(ContextClassLoader.class.getClassLoader());

  private ContextClassLoader() {}

  /** The loader {@link #ofPlugin} sets (for tests). */
  static ClassLoader loader() {
    return LOADER;
  }

  /** Runs {@code action} with the TCCL set to the loader of this plugin, then restores it. */
  static <T, E extends Exception> T ofPlugin(Action<T, E> action) throws E {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(LOADER);
    try {
      return action.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
