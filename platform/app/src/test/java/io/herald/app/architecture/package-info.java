/**
 * Architecture rules, written once: a module is reached only through its {@code api} package,
 * Quartz and PF4J stay inside their modules, and plugins see only the plugin API.
 */
package io.herald.app.architecture;
