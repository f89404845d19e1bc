/**
 * The in-app module's contract: a person's queue of in-app messages ({@link
 * io.herald.inapp.api.InAppInbox}), their content ({@link io.herald.inapp.api.InAppContent}) and
 * the signed per-person tokens the JavaScript SDK authenticates with ({@link
 * io.herald.inapp.api.SdkTokens}).
 */
package io.herald.inapp.api;
