/**
 * What the benchmark drivers share: starting and stopping a Herald distribution ({@link
 * io.herald.bench.support.HeraldProcess}), closed-loop HTTP load with latency histograms ({@link
 * io.herald.bench.support.Load}) and CPU shares from {@code /proc} ({@link
 * io.herald.bench.support.CpuMeter}).
 */
package io.herald.bench.support;
