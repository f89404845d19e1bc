package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServiceCachingLoaderTest {

  private final ClassLoader plugin = ServiceCachingLoaderTest.class.getClassLoader();

  @Test
  void findsTheSameServiceFilesAsThePluginLoaderEveryTime() throws Exception {
    ServiceCachingLoader loader = new ServiceCachingLoader(plugin);
    String name = "META-INF/services/" + StreamProvider.class.getName();
    List<URL> expected = Collections.list(plugin.getResources(name));
    assertThat(expected).isNotEmpty();
    assertThat(Collections.list(loader.getResources(name))).isEqualTo(expected);
    assertThat(Collections.list(loader.getResources(name))).isEqualTo(expected);
    assertThat(Collections.list(loader.getResources("META-INF/services/no.such.Service")))
        .isEmpty();
  }

  @Test
  void loadsThePluginLoadersClasses() throws Exception {
    ServiceCachingLoader loader = new ServiceCachingLoader(plugin);
    assertThat(loader.loadClass(Session.class.getName())).isSameAs(Session.class);
    assertThat(loader.getResource("META-INF/services/" + StreamProvider.class.getName()))
        .isNotNull();
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
