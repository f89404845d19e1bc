/**
 * Container tests of the public APIs against a running Herald (one Payara Micro per failsafe run,
 * see {@code it.HeraldSuiteDeployment}).
 */
package io.herald.app.api;
