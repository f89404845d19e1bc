/**
 * Liquid rendering compatible with Customer.io's Liquid: a strict {@link
 * io.herald.messaging.internal.render.LiquidRenderer} over Liqp with Customer.io's custom filters,
 * the {@link io.herald.messaging.internal.render.EmailRenderer} that assembles subject, sender,
 * layout, snippets, preheader and plain text, and the {@link
 * io.herald.messaging.internal.render.RenderVariables} a message is rendered with. Plain Java: no
 * CDI, no database.
 */
package io.herald.messaging.internal.render;
