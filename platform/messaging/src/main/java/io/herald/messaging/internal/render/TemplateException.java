package io.herald.messaging.internal.render;

import io.herald.messaging.api.TemplateError;
import java.util.Objects;

/** A template failed to compile or render; {@link #error()} says where and why. */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient TemplateError error;

  /** Wraps an error; its {@link TemplateError#describe()} becomes the message. */
  public TemplateException(TemplateError error) {
    super(Objects.requireNonNull(error, "error").describe());
    this.error = error;
  }

  /** Wraps an error found while handling another exception. */
  public TemplateException(TemplateError error, Throwable cause) {
    super(Objects.requireNonNull(error, "error").describe(), cause);
    this.error = error;
  }

  /** Where and why. */
  public TemplateError error() {
    return error;
  }
}
