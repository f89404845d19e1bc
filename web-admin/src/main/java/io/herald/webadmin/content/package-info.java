/**
 * Content pages: stored snippets and email layouts (list, create, edit, delete; a live preview for
 * layouts). They use {@code io.herald.messaging.api} only.
 */
package io.herald.webadmin.content;
