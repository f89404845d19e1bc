package io.herald.plugins.emailsmtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A class loader that loads everything through the plugin's loader (so every class, and every
 * {@code instanceof}, is the plugin's) and keeps the {@code META-INF/services/} files in memory:
 * the jars a loaded plugin sees do not change, and {@link java.util.ServiceLoader} reads the same
 * service files on every lookup. Other resources are looked up every time.
 *
 * <p>Why in memory and not only where they are: {@code ServiceLoader} opens each service file's
 * {@code jar:} URL without the JDK's jar cache, which opens and reads the whole jar (its directory
 * and manifest) again, and Jakarta Mail 2.1 looks its {@code StreamProvider} up for every message,
 * body part and encoder (jakartaee/mail-api#861). With the files' locations alone cached, that was
 * still about 12% of a bulk sending thread's samples in bench/send (2026-12-01).
 */
final class ServiceCachingLoader extends ClassLoader {

  private static final String SERVICES = "META-INF/services/";

  static {
    registerAsParallelCapable();
  }

  /** Service file name to in-memory copies of the files the plugin's loader found for it. */
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
      found = inMemory(Collections.list(getParent().getResources(name)));
      services.putIfAbsent(name, found);
    }
    return Collections.enumeration(found);
  }

  /** Copies of the files at {@code urls}, each behind a URL that reads the copy. */
  private static List<URL> inMemory(List<URL> urls) throws IOException {
    List<URL> copies = new ArrayList<>(urls.size());
    for (URL url : urls) {
      byte[] content;
      try (InputStream in = url.openStream()) {
        content = in.readAllBytes();
      }
      copies.add(Copy.of(url, content));
    }
    return List.copyOf(copies);
  }

  /** The URL handler of one in-memory copy; the URL's text is the original's, for messages. */
  private static final class Copy extends URLStreamHandler {

    private final byte[] content;

    private Copy(byte[] content) {
      this.content = content;
    }

    static URL of(URL original, byte[] content) throws MalformedURLException {
      return new URL(null, "herald-copy:" + original.toExternalForm(), new Copy(content));
    }

    @Override
    protected URLConnection openConnection(URL url) {
      return new URLConnection(url) {
        @Override
        public void connect() {
          connected = true;
        }

        @Override
        public InputStream getInputStream() {
          return new ByteArrayInputStream(content);
        }
      };
    }
  }
}
