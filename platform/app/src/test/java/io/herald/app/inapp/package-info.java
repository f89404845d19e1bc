/** Container tests of in-app messages: the SDK endpoints, tokens, CORS and the served SDK. */
package io.herald.app.inapp;
