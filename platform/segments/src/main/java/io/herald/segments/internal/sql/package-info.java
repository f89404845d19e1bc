/**
 * Whole-segment evaluation in SQL: condition trees compiled to one query over the people, events,
 * objects, devices, membership and engagement tables, read in keyset-paged batches.
 */
package io.herald.segments.internal.sql;
