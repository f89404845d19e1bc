package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream provider named in the system property: no service lookup per part. */
class StreamProviderNameTest {

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(StreamProviderName.PROPERTY);
    System.clearProperty(StreamProviderName.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(StreamProviderName.PROPERTY);
    } else {
      System.setProperty(StreamProviderName.PROPERTY, before);
    }
  }

  /** The plugin's loader, counting the lookups of the stream provider's service file. */
  private static final class CountingLoader extends ClassLoader {
    final AtomicInteger lookups = new AtomicInteger();

    CountingLoader() {
      super("counting", StreamProviderNameTest.class.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (name.equals("META-INF/services/" + StreamProvider.class.getName())) {
        lookups.incrementAndGet();
      }
      return super.getResources(name);
    }
  }

  /** Builds and writes a multipart message, as the plugin does, with {@code loader} as the TCCL. */
  private static byte[] writeMessage(ClassLoader loader) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
      MimeBodyPart text = new MimeBodyPart();
      text.setText("hello", "UTF-8");
      MimeBodyPart html = new MimeBodyPart();
      html.setContent("<p>hello</p>", "text/html; charset=UTF-8");
      m.setContent(new MimeMultipart("alternative", text, html));
      m.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      m.writeTo(out);
      return out.toByteArray();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void withTheNameSetAMessageIsWrittenWithoutLookingTheProviderUp() throws Exception {
    CountingLoader without = new CountingLoader();
    byte[] looked = writeMessage(without);
    assertThat(without.lookups.get()).as("a service lookup per part without the name").isPositive();

    StreamProviderName.setUnlessSet();
    assertThat(System.getProperty(StreamProviderName.PROPERTY)).isEqualTo(StreamProviderName.ANGUS);
    CountingLoader with = new CountingLoader();
    byte[] named = writeMessage(with);
    assertThat(with.lookups.get()).as("no lookups with the name").isZero();
    // The same message but for its random Message-ID and boundary.
    for (byte[] written : List.of(looked, named)) {
      assertThat(new String(written, StandardCharsets.UTF_8))
          .contains("multipart/alternative", "text/plain; charset=UTF-8", "<p>hello</p>");
    }

    // What the plugin's context loader resolves the name to: the plugin's own class.
    Object provider = ContextClassLoader.ofPlugin(StreamProvider::provider);
    assertThat(provider.getClass().getName()).isEqualTo(StreamProviderName.ANGUS);
    assertThat(provider).isInstanceOf(StreamProvider.class);
  }

  @Test
  void anOperatorsValueIsKept() {
    System.setProperty(StreamProviderName.PROPERTY, "com.example.TheirProvider");
    StreamProviderName.setUnlessSet();
    assertThat(System.getProperty(StreamProviderName.PROPERTY))
        .isEqualTo("com.example.TheirProvider");
  }

  @Test
  void creatingAProviderSetsTheName() throws Exception {
    try (var provider =
        new SmtpEmailChannelProviderFactory()
            .create(
                TestSupport.config(TestSupport.plainConfig(25)),
                new io.herald.plugin.tck.TestPluginContext("channel-email-smtp"))) {
      assertThat(provider).isNotNull();
    }
    assertThat(System.getProperty(StreamProviderName.PROPERTY)).isEqualTo(StreamProviderName.ANGUS);
  }
}
