package io.herald.plugins.pushfcm;

import io.herald.plugin.api.DeliveryResult;

/** No access token could be had; carries what a send should answer instead. */
final class TokenFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient DeliveryResult result;

  TokenFailure(DeliveryResult result, String message) {
    super(message, null, false, false);
    this.result = result;
  }

  /** The result a send answers when it cannot get a token. */
  DeliveryResult result() {
    return result;
  }
}
