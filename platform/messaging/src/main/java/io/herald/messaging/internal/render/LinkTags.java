package io.herald.messaging.internal.render;

import java.util.List;
import java.util.Map;
import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * Customer.io's link tags: {@code {% unsubscribe_url %}}, {@code {%
 * manage_subscription_preferences_url %}} and {@code {% view_in_browser_url %}} print the
 * delivery's signed links, which the sender puts in the variables under {@link #VARIABLE} (a name
 * Liquid cannot spell, so templates cannot read or override it). Without them (a console preview:
 * no delivery yet) each prints {@code #}, a link that goes nowhere.
 */
public final class LinkTags {

  /** The variable holding tag name → URL. */
  public static final String VARIABLE = "herald:links";

  /** Printed when the render has no delivery. */
  public static final String PLACEHOLDER = "#";

  public static final String UNSUBSCRIBE = "unsubscribe_url";
  public static final String PREFERENCES = "manage_subscription_preferences_url";
  public static final String VIEW_IN_BROWSER = "view_in_browser_url";

  private LinkTags() {}

  /** The tag names, for documentation and editor completion. */
  public static List<String> names() {
    return List.of(UNSUBSCRIBE, PREFERENCES, VIEW_IN_BROWSER);
  }

  static List<Tag> all() {
    return names().stream().<Tag>map(LinkTag::new).toList();
  }

  private static final class LinkTag extends Tag {
    LinkTag(String name) {
      super(name);
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
      if (nodes.length > 0) {
        throw RenderFailure.at(getName() + " takes no arguments", 0, 0);
      }
      Object links = context.get(VARIABLE);
      if (links instanceof Map<?, ?> map && map.get(getName()) instanceof String url) {
        return url;
      }
      return PLACEHOLDER;
    }
  }
}
