/** JSON-P through one shared provider ({@link io.herald.shared.json.Jsons}). */
package io.herald.shared.json;
