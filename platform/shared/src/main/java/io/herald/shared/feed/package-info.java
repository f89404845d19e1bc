/**
 * Change feeds over auto-increment ids: how far a consumer may read without ever skipping a row a
 * transaction in flight may still commit ({@link FeedWindow}), and the read/acknowledge shape over
 * a feed table and its cursor table ({@link FeedCursor}). Used by the events and people feeds.
 */
package io.herald.shared.feed;
