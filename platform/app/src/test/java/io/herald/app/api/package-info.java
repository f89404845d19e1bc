/** Container tests of the public APIs against a running Herald (one Payara Micro per class). */
package io.herald.app.api;
