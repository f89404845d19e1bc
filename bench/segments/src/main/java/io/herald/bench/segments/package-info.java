/**
 * The segments benchmark (PERFORMANCE-NOTES T3, T4): a data generator, the segment definitions with
 * their hand-written SQL, and a load driver, each figure printed beside a baseline measured in the
 * same run.
 */
package io.herald.bench.segments;
