/** The benchmark baseline endpoint (off unless {@code herald.bench.noop-endpoint=true}). */
package io.herald.app.bench;
