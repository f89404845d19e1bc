/**
 * The console's Segments pages: the list with member counts and 7-day growth, one segment's
 * members, recent enters and exits, manual membership changes (one person or a CSV file) and
 * deletion, and the builder of data-driven segments with its live preview. They use the segments,
 * people, objects and workspace APIs only; the builder's view model is in {@code .builder}.
 */
package io.herald.webadmin.segments;
