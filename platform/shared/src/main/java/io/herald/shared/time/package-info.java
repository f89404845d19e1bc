/** Time: the injectable {@link java.time.Clock} every module uses instead of {@code now()}. */
package io.herald.shared.time;
