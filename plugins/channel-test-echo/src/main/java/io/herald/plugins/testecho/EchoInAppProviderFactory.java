package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelKind;
import org.pf4j.Extension;

/** The {@link KindEchoFactory recording echo} of the in-app channel. */
@Extension
public class EchoInAppProviderFactory extends KindEchoFactory {

  /** Creates it. */
  public EchoInAppProviderFactory() {
    super(ChannelKind.IN_APP, "in-app");
  }
}
