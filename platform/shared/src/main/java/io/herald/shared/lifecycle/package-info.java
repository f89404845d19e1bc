/** Application lifecycle events that order start-up across modules. */
package io.herald.shared.lifecycle;
