package io.herald.plugin.tck;

import io.herald.plugin.api.ChannelPluginContext;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link ChannelPluginContext} the TCK hands to {@code create()}: a fixed clock and a logger
 * that records every line, so tests can assert what a provider logged (and that no secret was among
 * it). Plugin authors can use it in their own unit tests too.
 */
public final class TestPluginContext implements ChannelPluginContext {

  /** The instant {@link #clock()} is fixed at unless another clock is given. */
  public static final Instant FIXED_INSTANT = Instant.parse("2026-01-01T00:00:00Z");

  private final String pluginId;
  private final Clock clock;
  private final RecordingLogger logger;

  /** A context for {@code pluginId} with the clock fixed at {@link #FIXED_INSTANT} in UTC. */
  public TestPluginContext(String pluginId) {
    this(pluginId, Clock.fixed(FIXED_INSTANT, ZoneOffset.UTC));
  }

  /** A context for {@code pluginId} with the given clock. */
  public TestPluginContext(String pluginId, Clock clock) {
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.logger = new RecordingLogger("herald.plugin." + pluginId);
  }

  @Override
  public String pluginId() {
    return pluginId;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public System.Logger logger() {
    return logger;
  }

  /** Every line logged so far, oldest first. */
  public List<LogLine> logLines() {
    return List.copyOf(logger.lines);
  }

  /** The formatted messages logged so far (including any throwable's text), oldest first. */
  public List<String> loggedMessages() {
    return logger.lines.stream().map(LogLine::text).toList();
  }

  /**
   * One recorded log line.
   *
   * @param level the level it was logged at
   * @param message the message with its parameters filled in
   * @param thrown the attached throwable's {@code toString()}, or empty
   */
  public record LogLine(System.Logger.Level level, String message, String thrown) {

    /** The message and the throwable text, as an operator would read them. */
    public String text() {
      return thrown.isEmpty() ? message : message + " " + thrown;
    }
  }

  private static final class RecordingLogger implements System.Logger {
    private final String name;
    private final List<LogLine> lines = new CopyOnWriteArrayList<>();

    RecordingLogger(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(new LogLine(level, String.valueOf(msg), describe(thrown)));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      String message =
          params == null || params.length == 0
              ? String.valueOf(format)
              : MessageFormat.format(String.valueOf(format), params);
      lines.add(new LogLine(level, message, ""));
    }

    private static String describe(Throwable thrown) {
      if (thrown == null) {
        return "";
      }
      StringBuilder text = new StringBuilder(thrown.toString());
      Throwable cause = thrown.getCause();
      for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
        text.append(" caused by ").append(cause);
      }
      return text.toString();
    }
  }
}
