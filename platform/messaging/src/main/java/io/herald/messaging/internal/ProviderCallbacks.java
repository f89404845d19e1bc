package io.herald.messaging.internal;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request to a channel setting's callback URL: the token finds the setting (and so the
 * workspace), the setting's provider reads the request ({@code ChannelProvider.handleCallback}),
 * and {@link ProviderEvents} applies what it found within that workspace.
 */
@ApplicationScoped
public class ProviderCallbacks {

  private static final Logger LOG = Logger.getLogger(ProviderCallbacks.class.getName());

  @Inject DefaultChannelSettings settings;

  @Inject ProviderRegistry providers;

  @Inject ProviderEvents events;

  /**
   * The answer for the caller.
   *
   * @param status the HTTP status
   * @param contentType the provider's own content type for {@code body}, empty for Herald's JSON
   * @param body the provider's verbatim body, or a short message for Herald's JSON (may be empty)
   * @param applied what became of the events
   */
  public record Answer(
      int status, String contentType, String body, ProviderEvents.Applied applied) {

    static Answer of(int status, String message) {
      return new Answer(status, "", message, ProviderEvents.Applied.NONE);
    }
  }

  /**
   * Hands a callback to the provider of the setting whose token it carries.
   *
   * @return empty for a token no setting has
   */
  public Optional<Answer> receive(String token, InboundCallback callback) {
    Optional<DefaultChannelSettings.Stored> setting = settings.byCallbackToken(token);
    if (setting.isEmpty()) {
      return Optional.empty();
    }
    DefaultChannelSettings.Stored s = setting.get();
    Optional<ProviderRegistry.Resolved> resolved;
    try {
      resolved = providers.resolve(s.workspaceId(), s.channel(), s.name());
    } catch (InvalidConfigException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "callback for channel setting {0} of workspace {1}: provider unavailable ({2})",
          new Object[] {s.name(), s.workspaceId(), e.getClass().getSimpleName()});
      return Optional.of(Answer.of(503, "the channel setting's provider is not available"));
    }
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    CallbackResult result;
    try {
      result = resolved.get().provider().handleCallback(callback);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "callback for channel setting {0} of workspace {1}: the provider threw {2}",
          new Object[] {s.name(), s.workspaceId(), e.getClass().getName()});
      return Optional.of(Answer.of(500, "the provider could not read the callback"));
    }
    if (result == null) {
      return Optional.of(Answer.of(500, "the provider gave no answer"));
    }
    ProviderEvents.Applied applied =
        result.handled()
            ? events.apply(s.workspaceId(), s.channel(), result.events())
            : ProviderEvents.Applied.NONE;
    if (applied.events() > 0) {
      LOG.log(
          Level.FINE,
          "callback for channel setting {0} of workspace {1}: {2}",
          new Object[] {s.name(), s.workspaceId(), applied});
    }
    return Optional.of(new Answer(result.status(), result.contentType(), result.body(), applied));
  }
}
