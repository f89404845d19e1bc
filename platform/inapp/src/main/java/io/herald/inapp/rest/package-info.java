/**
 * The in-app module's HTTP adapters: the SDK endpoints under {@code /sdk/v1/inapp} (site id and
 * signed per-person token, CORS for browsers), the JavaScript SDK at {@code /sdk/herald-inapp.js},
 * and the App API call that issues tokens ({@code POST /v1/inapp/tokens}).
 */
package io.herald.inapp.rest;
