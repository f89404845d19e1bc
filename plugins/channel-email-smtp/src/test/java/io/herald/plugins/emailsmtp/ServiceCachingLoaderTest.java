package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceCachingLoaderTest {

  private final ClassLoader plugin = ServiceCachingLoaderTest.class.getClassLoader();

  @Test
  void servesCopiesOfThePluginLoadersServiceFilesFromMemory() throws Exception {
    ServiceCachingLoader loader = new ServiceCachingLoader(plugin);
    String name = "META-INF/services/" + StreamProvider.class.getName();
    List<URL> originals = Collections.list(plugin.getResources(name));
    assertThat(originals).isNotEmpty();

    List<URL> first = Collections.list(loader.getResources(name));
    assertThat(first).hasSameSizeAs(originals);
    for (int i = 0; i < originals.size(); i++) {
      assertThat(first.get(i).getProtocol()).isEqualTo("herald-copy");
      assertThat(first.get(i).toExternalForm()).endsWith(originals.get(i).toExternalForm());
      assertThat(read(first.get(i))).isEqualTo(read(originals.get(i))).isNotEmpty();
      assertThat(read(first.get(i))).as("read again").isEqualTo(read(originals.get(i)));
    }
    assertThat(Collections.list(loader.getResources(name)))
        .as("the same copies every time")
        .containsExactlyElementsOf(first);
    assertThat(Collections.list(loader.getResources("META-INF/services/no.such.Service")))
        .isEmpty();
    // ServiceLoader reads them as it reads the jar's.
    assertThat(ServiceLoader.load(StreamProvider.class, loader).findFirst())
        .get()
        .extracting(p -> p.getClass().getName())
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
  }

  private static byte[] read(URL url) throws Exception {
    URLConnection c = url.openConnection();
    c.setUseCaches(false); // as ServiceLoader opens them
    try (InputStream in = c.getInputStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void loadsThePluginLoadersClasses() throws Exception {
    ServiceCachingLoader loader = new ServiceCachingLoader(plugin);
    assertThat(loader.loadClass(Session.class.getName())).isSameAs(Session.class);
    assertThat(loader.getResource("META-INF/services/" + StreamProvider.class.getName()))
        .isNotNull();
  }

  /** Like PF4J's plugin loader: only the public loadClass looks in the plugin's jars first. */
  private static final class PluginFirst extends URLClassLoader {
    PluginFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    public Class<?> loadClass(String name) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null && !name.startsWith("java.")) {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            c = null;
          }
        }
        return c != null ? c : super.loadClass(name);
      }
    }
  }

  @Test
  void classesAndServicesComeFromThePluginFirstLikeInTheHost() throws Exception {
    URL[] jars = {
      Session.class.getProtectionDomain().getCodeSource().getLocation(),
      Class.forName("org.eclipse.angus.mail.util.MailStreamProvider")
          .getProtectionDomain()
          .getCodeSource()
          .getLocation()
    };
    try (PluginFirst pluginFirst = new PluginFirst(jars, plugin)) {
      ServiceCachingLoader loader = new ServiceCachingLoader(pluginFirst);
      Class<?> providerType = loader.loadClass(StreamProvider.class.getName());
      assertThat(providerType).isNotSameAs(StreamProvider.class);
      assertThat(providerType.getClassLoader()).isSameAs(pluginFirst);
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        Object provider = providerType.getMethod("provider").invoke(null);
        assertThat(providerType.isInstance(provider)).isTrue();
        assertThat(provider.getClass().getClassLoader()).isSameAs(pluginFirst);
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  @Test
  void mailFindsItsStreamProviderThroughTheContextLoader() throws Exception {
    MimeMessage message =
        ContextClassLoader.ofPlugin(
            () -> {
              assertThat(Thread.currentThread().getContextClassLoader())
                  .isSameAs(ContextClassLoader.loader());
              MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
              m.setText("hello");
              m.saveChanges();
              return m;
            });
    assertThat(StreamProvider.provider().getClass().getName()).startsWith("org.eclipse.angus");
    assertThat(message.getContent()).isEqualTo("hello");
  }
}
