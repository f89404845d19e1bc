/**
 * Persistence conventions shared by the modules: datasource names, the Instant converter and the
 * DATETIME binder ({@link io.herald.shared.persistence.DateTimes}).
 */
package io.herald.shared.persistence;
