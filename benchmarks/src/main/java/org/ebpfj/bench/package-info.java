/**
 * JMH benchmarks. {@code bench/run.sh} runs them beside the C baselines (libbpf's own open, and
 * {@code shared/perf/mapbench.c}) in the same run and prints ratios: on a noisy two-CPU VM only ratios taken in
 * one run mean anything.
 */
package org.ebpfj.bench;
