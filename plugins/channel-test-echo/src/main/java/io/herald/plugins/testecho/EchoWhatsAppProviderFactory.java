package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelKind;
import org.pf4j.Extension;

/** The {@link KindEchoFactory recording echo} of the WhatsApp channel. */
@Extension
public class EchoWhatsAppProviderFactory extends KindEchoFactory {

  /** Creates it. */
  public EchoWhatsAppProviderFactory() {
    super(ChannelKind.WHATSAPP, "WhatsApp");
  }
}
