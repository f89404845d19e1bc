/**
 * Whole-segment evaluation in SQL: condition trees compiled ({@link
 * io.herald.segments.internal.sql.ConditionSqlCompiler}, pure) to one query over the people,
 * events, objects, devices, membership and engagement tables, read in keyset-paged batches ({@link
 * io.herald.segments.internal.sql.SqlSegmentQueries}, plain JDBC) or written into a rebuild's
 * staging tables ({@link io.herald.segments.internal.sql.SqlRebuildSets}). Other modules' tables
 * are only read, never written. Semantics: the Javadoc of {@link io.herald.segments.api.condition},
 * shared with the in-memory evaluator.
 */
package io.herald.segments.internal.sql;
