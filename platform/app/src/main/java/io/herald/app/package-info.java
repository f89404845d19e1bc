/**
 * The deployable application: the JAX-RS root, and the composition of Herald's modules into one
 * WAR. Module code lives in the module jars; this module only wires and starts them.
 */
package io.herald.app;
