package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelKind;
import org.pf4j.Extension;

/** The {@link KindEchoFactory recording echo} of the SMS channel. */
@Extension
public class EchoSmsProviderFactory extends KindEchoFactory {

  /** Creates it. */
  public EchoSmsProviderFactory() {
    super(ChannelKind.SMS, "SMS");
  }
}
