/** The ingestion benchmark (PERFORMANCE-NOTES T1, T2): a load driver and its same-run baselines. */
package io.herald.bench.ingest;
