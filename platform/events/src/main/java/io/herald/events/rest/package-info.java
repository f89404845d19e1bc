/** Track API v1 event calls and the App API activity feed. */
package io.herald.events.rest;
