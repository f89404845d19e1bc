package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelKind;
import org.pf4j.Extension;

/** The {@link KindEchoFactory recording echo} of the push channel. */
@Extension
public class EchoPushProviderFactory extends KindEchoFactory {

  /** Creates it. */
  public EchoPushProviderFactory() {
    super(ChannelKind.PUSH, "push");
  }
}
