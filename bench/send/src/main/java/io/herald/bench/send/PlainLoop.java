package io.herald.bench.send;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline: the same messages, rendered beforehand, sent by a plain Angus Mail loop over {@code
 * connections} reused SMTP connections (one thread each), as a hand-written sender would. Each has
 * the MIME parts Herald sends: multipart/alternative with the text Herald derives from the HTML
 * ({@link Template#TEXT}) and the HTML.
 */
final class PlainLoop {

  private PlainLoop() {}

  /** Sends {@code count} messages; returns the seconds from the first to the last 250. */
  static double run(int port, int connections, int count, int people) throws Exception {
    List<String> subjects = new ArrayList<>(count);
    List<String> bodies = new ArrayList<>(count);
    List<String> texts = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      subjects.add(Template.render(Template.SUBJECT, n));
      bodies.add(Template.render(Template.BODY, n));
      texts.add(Template.render(Template.TEXT, n));
    }
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", "127.0.0.1");
    props.setProperty("mail.smtp.port", Integer.toString(port));
    Session session = Session.getInstance(props);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    List<Future<?>> loops = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      loops.add(
          pool.submit(
              () -> {
                try (Transport transport = session.getTransport("smtp")) {
                  transport.connect();
                  for (int n; (n = next.getAndIncrement()) < count; ) {
                    MimeMessage m = new MimeMessage(session);
                    m.setFrom(new InternetAddress("Bench <bench@herald.test>"));
                    int person = Template.person(n, people);
                    m.setRecipient(
                        Message.RecipientType.TO,
                        new InternetAddress("p" + person + "@bench.test"));
                    m.setSubject(subjects.get(n), "UTF-8");
                    m.setHeader("X-Bench", "plain");
                    MimeMultipart alternative = new MimeMultipart("alternative");
                    MimeBodyPart text = new MimeBodyPart();
                    text.setText(texts.get(n), "UTF-8");
                    MimeBodyPart html = new MimeBodyPart();
                    html.setContent(bodies.get(n), "text/html; charset=UTF-8");
                    alternative.addBodyPart(text);
                    alternative.addBodyPart(html);
                    m.setContent(alternative);
                    m.saveChanges();
                    transport.sendMessage(m, m.getAllRecipients());
                  }
                }
                return null;
              }));
    }
    for (Future<?> loop : loops) {
      loop.get();
    }
    pool.shutdown();
    return (System.nanoTime() - start) / 1e9;
  }
}
