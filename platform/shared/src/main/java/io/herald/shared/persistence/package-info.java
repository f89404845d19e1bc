/** Persistence conventions shared by the modules: datasource names and the Instant converter. */
package io.herald.shared.persistence;
