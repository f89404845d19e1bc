/**
 * The real-time membership engine of data-driven segments: which segments a change concerns, the
 * workers that drain the change feeds and due re-checks, evaluate the people concerned and apply
 * their enters and exits, and full rebuilds.
 */
package io.herald.segments.internal.realtime;
