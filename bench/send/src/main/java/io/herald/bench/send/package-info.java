/**
 * bench/send: Herald's sending pipeline against a local SMTP sink, beside a plain Angus Mail loop
 * (PERFORMANCE-NOTES T6, T7). Run by bench/send/run.sh; not a test.
 */
package io.herald.bench.send;
