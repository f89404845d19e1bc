package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.InvalidConfigException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The connection settings of one provider, read from its {@link ChannelConfig}. {@link #toString()}
 * never shows the password.
 *
 * @param host SMTP server host name
 * @param port SMTP server port
 * @param security how the connection is protected
 * @param username SMTP AUTH user, empty for no authentication
 * @param password SMTP AUTH password, empty for none
 * @param defaultFrom the sender used when a message names none
 * @param poolSize how many connections the provider keeps at most
 * @param connectTimeoutMs socket connect timeout
 * @param timeoutMs socket read and write timeout
 * @param trustAllCertificates whether any server certificate is accepted (tests and development)
 */
record SmtpSettings(
    String host,
    int port,
    Security security,
    String username,
    String password,
    InternetAddress defaultFrom,
    int poolSize,
    int connectTimeoutMs,
    int timeoutMs,
    boolean trustAllCertificates) {

  static final int DEFAULT_PORT = 587;
  static final int DEFAULT_POOL_SIZE = 4;
  static final int DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
  static final int DEFAULT_TIMEOUT_MS = 30_000;
  private static final int MAX_POOL_SIZE = 64;

  /** How the SMTP connection is protected. */
  enum Security {
    /** Plain connection upgraded with STARTTLS; the server must offer it. */
    STARTTLS("starttls", "smtp"),
    /** TLS from the first byte (SMTPS, usually port 465). */
    TLS("tls", "smtps"),
    /** No encryption (local relays and tests only). */
    NONE("none", "smtp");

    private final String value;
    private final String protocol;

    Security(String value, String protocol) {
      this.value = value;
      this.protocol = protocol;
    }

    /** The config value of this choice. */
    String value() {
      return value;
    }

    /** The Jakarta Mail protocol name of the transport. */
    String protocol() {
      return protocol;
    }

    static Optional<Security> of(String value) {
      for (Security security : values()) {
        if (security.value.equals(value.trim().toLowerCase(Locale.ROOT))) {
          return Optional.of(security);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Reads and checks the settings.
   *
   * @throws InvalidConfigException naming every unusable setting
   */
  static SmtpSettings from(ChannelConfig config) throws InvalidConfigException {
    List<String> problems = new ArrayList<>();
    String host = config.get(EmailSmtpSchema.HOST).map(String::trim).orElse("");
    if (host.isEmpty()) {
      problems.add(EmailSmtpSchema.HOST + ": is required");
    } else if (!host.matches("[A-Za-z0-9._:\\[\\]-]+")) {
      problems.add(EmailSmtpSchema.HOST + ": must be a host name or IP address");
    }
    int port = intSetting(config, EmailSmtpSchema.PORT, DEFAULT_PORT, 1, 65_535, problems);
    Security security =
        config
            .get(EmailSmtpSchema.SECURITY)
            .map(
                value -> {
                  Optional<Security> parsed = Security.of(value);
                  if (parsed.isEmpty()) {
                    problems.add(EmailSmtpSchema.SECURITY + ": must be starttls, tls or none");
                  }
                  return parsed.orElse(Security.STARTTLS);
                })
            .orElse(Security.STARTTLS);
    String username = config.get(EmailSmtpSchema.USERNAME).map(String::trim).orElse("");
    String password = config.get(EmailSmtpSchema.PASSWORD).orElse("");
    if (username.isEmpty() && !password.isEmpty()) {
      problems.add(EmailSmtpSchema.USERNAME + ": is required when a password is set");
    }
    InternetAddress defaultFrom = null;
    Optional<String> from = config.get(EmailSmtpSchema.DEFAULT_FROM);
    if (from.isEmpty()) {
      problems.add(EmailSmtpSchema.DEFAULT_FROM + ": is required");
    } else {
      try {
        defaultFrom = Addresses.single(from.get());
      } catch (AddressException e) {
        problems.add(EmailSmtpSchema.DEFAULT_FROM + ": must be one RFC 5322 address with a domain");
      }
    }
    int poolSize =
        intSetting(
            config, EmailSmtpSchema.POOL_SIZE, DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE, problems);
    int connectTimeout =
        intSetting(
            config,
            EmailSmtpSchema.CONNECT_TIMEOUT_MS,
            DEFAULT_CONNECT_TIMEOUT_MS,
            1,
            600_000,
            problems);
    int timeout =
        intSetting(config, EmailSmtpSchema.TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 1, 600_000, problems);
    boolean trustAll = config.getBoolean(EmailSmtpSchema.TRUST_ALL_CERTIFICATES, false);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new SmtpSettings(
        host,
        port,
        security,
        username,
        password,
        defaultFrom,
        poolSize,
        connectTimeout,
        timeout,
        trustAll);
  }

  private static int intSetting(
      ChannelConfig config, String name, int fallback, int min, int max, List<String> problems) {
    long value;
    try {
      value = config.getLong(name, fallback);
    } catch (NumberFormatException e) {
      problems.add(name + ": must be a whole number");
      return fallback;
    }
    if (value < min || value > max) {
      problems.add(name + ": must be between " + min + " and " + max);
      return fallback;
    }
    return (int) value;
  }

  /** Whether SMTP AUTH is used. */
  boolean authenticates() {
    return !username.isEmpty();
  }

  /** The Jakarta Mail protocol of the transport ({@code smtp} or {@code smtps}). */
  String protocol() {
    return security.protocol();
  }

  /** The Jakarta Mail session properties for these settings; never holds the password. */
  Properties sessionProperties() {
    String p = "mail." + protocol() + ".";
    Properties props = new Properties();
    props.setProperty("mail.transport.protocol", protocol());
    props.setProperty(p + "host", host);
    props.setProperty(p + "port", Integer.toString(port));
    props.setProperty(p + "auth", Boolean.toString(authenticates()));
    props.setProperty(p + "connectiontimeout", Integer.toString(connectTimeoutMs));
    props.setProperty(p + "timeout", Integer.toString(timeoutMs));
    props.setProperty(p + "writetimeout", Integer.toString(timeoutMs));
    if (security == Security.STARTTLS) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(p + "starttls.required", "true");
    }
    if (security != Security.NONE) {
      if (trustAllCertificates) {
        props.setProperty(p + "ssl.trust", "*");
        props.setProperty(p + "ssl.checkserveridentity", "false");
      } else {
        props.setProperty(p + "ssl.checkserveridentity", "true");
      }
    }
    if (security != Security.TLS) {
      // TCP_NODELAY (see NoDelaySocketFactory); implicit TLS keeps Angus's own SSL factory, whose
      // trust settings above a custom one would bypass.
      props.put(p + "socketFactory", new NoDelaySocketFactory());
      props.setProperty(p + "socketFactory.fallback", "false");
    }
    // UTF-8 for encoded words and RFC 2231 file names, whatever the JVM's default charset is.
    props.setProperty("mail.mime.charset", "UTF-8");
    return props;
  }

  /** Where the provider sends, for logs and health details. */
  String endpoint() {
    return protocol() + "://" + host + ":" + port;
  }

  /** Shows everything but the password. */
  @Override
  public String toString() {
    return "SmtpSettings["
        + endpoint()
        + ", security="
        + security.value()
        + ", auth="
        + authenticates()
        + ", poolSize="
        + poolSize
        + ", trustAllCertificates="
        + trustAllCertificates
        + "]";
  }
}
