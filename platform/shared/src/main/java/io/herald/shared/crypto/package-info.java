/** Random tokens, their one-way hashes, and authenticated encryption of secrets at rest. */
package io.herald.shared.crypto;
