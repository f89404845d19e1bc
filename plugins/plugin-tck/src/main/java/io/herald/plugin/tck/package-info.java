/**
 * Herald's plugin TCK: {@link io.herald.plugin.tck.ChannelProviderContractTest}, the abstract JUnit
 * 5 contract every channel plugin extends in its own tests, and {@link
 * io.herald.plugin.tck.TestPluginContext}, the recording context the contract hands to the factory.
 * Ships in {@code src/main} of a test-scoped artifact, after Micrometer's compatibility kit;
 * depends on the plugin API and PF4J in {@code provided} scope.
 */
package io.herald.plugin.tck;
