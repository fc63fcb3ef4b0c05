/**
 * The benchmark harness ({@code bench/run}): starts the product, drives each scenario of
 * docs/performance-scenarios.md over HTTP and gRPC beside its reference (pgbench, a JDBC scan),
 * and writes the dated report.
 */
package dev.eskit.bench;
