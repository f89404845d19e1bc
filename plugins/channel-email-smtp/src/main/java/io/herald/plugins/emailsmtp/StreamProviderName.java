package io.herald.plugins.emailsmtp;

/**
 * Names Angus Mail's {@code StreamProvider} in the system property Jakarta Mail 2.1 reads before
 * anything else ({@code jakarta.mail.util.StreamProvider}), unless it is set already.
 *
 * <p>Why: Jakarta Mail 2.1 looks its stream provider up for every message, multipart and body part
 * it creates and for every part it writes (jakartaee/mail-api#699, #861: cached only from 2.2),
 * five or six times per email here. Without the property each lookup is a {@link
 * java.util.ServiceLoader} pass that reads the service file again ({@link ServiceCachingLoader}
 * keeps it in memory, but the reader's buffers are still 24 KB per lookup): 5% of Herald's CPU
 * samples and 15% of its allocation during bench/send (JFR, 2026-12-04). With the property a lookup
 * is a {@code Class.forName} through the context loader ({@link ContextClassLoader}: the plugin's
 * classes) and a constructor call.
 *
 * <p>The property is the JVM's, not this plugin's: every copy of Jakarta Mail in the process reads
 * it through its caller's context loader. Only this plugin uses Jakarta Mail in Herald, and the
 * host's Payara ships Angus Mail as well; an operator who sets the property (a JVM option) keeps
 * theirs.
 */
final class StreamProviderName {

  /** The system property {@code jakarta.mail.util.FactoryFinder} reads first. */
  static final String PROPERTY = "jakarta.mail.util.StreamProvider";

  /** Angus Mail's implementation, the one this plugin bundles. */
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private StreamProviderName() {}

  /** Sets the property to {@link #ANGUS} unless it has a value. */
  static void setUnlessSet() {
    synchronized (System.getProperties()) {
      if (System.getProperty(PROPERTY) == null) {
        System.setProperty(PROPERTY, ANGUS);
      }
    }
  }
}
