package io.herald.pluginhost.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records java.util.logging lines of one logger tree while open. The host logs through {@code
 * System.Logger} and PF4J through slf4j-jdk14, so both arrive here.
 */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
          records.add(logRecord);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  LogCapture(String loggerName) {
    this.logger = Logger.getLogger(loggerName);
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** Formatted messages at {@code level} or above. */
  List<String> messages(Level level) {
    SimpleFormatter formatter = new SimpleFormatter();
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= level.intValue())
        .map(formatter::formatMessage)
        .toList();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
