/**
 * The condition model of data-driven segments: a tree of {@link Condition}s (AND / OR / NOT groups
 * over leaves), JSON-serialisable and versioned ({@link ConditionDocument}). Both evaluators (one
 * person in memory, a whole segment in SQL) read this one model. Every record validates only what
 * its own type can check; limits that need the whole tree (depth, cycles) are checked where trees
 * are accepted.
 */
package io.herald.segments.api.condition;
