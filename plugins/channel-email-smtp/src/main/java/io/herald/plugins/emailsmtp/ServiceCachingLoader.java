package io.herald.plugins.emailsmtp;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A class loader that loads everything through the plugin's loader (so every class, and every
 * {@code instanceof}, is the plugin's) and remembers where the {@code META-INF/services/} files
 * are: the jars a loaded plugin sees do not change, and {@link java.util.ServiceLoader} asks for
 * the same service files on every lookup. Other resources are looked up every time.
 */
final class ServiceCachingLoader extends ClassLoader {

  private static final String SERVICES = "META-INF/services/";

  static {
    registerAsParallelCapable();
  }

  /** Service file name to the URLs the plugin's loader found for it. */
  private final ConcurrentMap<String, List<URL>> services = new ConcurrentHashMap<>();

  ServiceCachingLoader(ClassLoader plugin) {
    super("herald-email-smtp-services", plugin);
  }

  /**
   * Through the plugin loader's public {@code loadClass}, the one PF4J overrides to look in the
   * plugin first: {@link ClassLoader}'s default would call the parent's protected {@code
   * loadClass(String, boolean)}, which looks in the host first and finds the host's mail classes.
   */
  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    return getParent().loadClass(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (!name.startsWith(SERVICES)) {
      return super.getResources(name);
    }
    List<URL> found = services.get(name);
    if (found == null) {
      found = List.copyOf(Collections.list(getParent().getResources(name)));
      services.putIfAbsent(name, found);
    }
    return Collections.enumeration(found);
  }
}
