/**
 * Herald's plugin API: the extension points a third-party plugin implements and the values it
 * exchanges with the host. A plugin compiles against this package and PF4J only (both {@code
 * provided}); everything else it needs comes from the host-made {@link
 * io.herald.plugin.api.ChannelPluginContext}. Versioned with SemVer; see CHANGELOG.md.
 */
package io.herald.plugin.api;
