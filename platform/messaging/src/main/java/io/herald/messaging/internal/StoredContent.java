package io.herald.messaging.internal;

import io.herald.messaging.api.NotFoundException;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/**
 * Puts an email's sources together with the stored content they use: the message's layout and the
 * snippets the sources (layout included) name; and the snippets of other channels' messages. Read
 * on every send and preview, so an edited layout or snippet shows on the next one (compiled
 * templates are cached by these values).
 */
@ApplicationScoped
public class StoredContent {

  @Inject DefaultSnippets snippets;

  @Inject DefaultLayouts layouts;

  /**
   * @param layoutId the message's layout, or null
   * @throws NotFoundException when the layout no longer exists
   */
  EmailComposer.Template template(WorkspaceId workspace, EmailParts parts, Long layoutId) {
    String layout = null;
    if (layoutId != null) {
      layout =
          layouts
              .html(workspace, layoutId)
              .orElseThrow(() -> new NotFoundException("layout " + layoutId + " not found"));
    }
    Set<String> names =
        ContentSources.snippetNames(
            parts.subject(),
            parts.from(),
            parts.replyTo(),
            parts.preheader(),
            parts.body(),
            parts.bodyPlain(),
            layout);
    return new EmailComposer.Template(parts, layout, snippets.values(workspace, names));
  }

  /**
   * The snippets a message of another channel names (its fields, nested ones included, and the
   * sender override).
   */
  Map<String, String> snippetsOf(WorkspaceId workspace, Map<String, Object> content, String from) {
    return snippets.values(workspace, ChannelComposer.snippetNames(content, from));
  }

  /** The snippets a layout names. */
  Map<String, String> snippetsOf(WorkspaceId workspace, String layout) {
    return snippets.values(workspace, ContentSources.snippetNames(layout));
  }
}
