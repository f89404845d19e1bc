/**
 * Herald's shared kernel: the few value types and helpers every module may use (clock, error shapes
 * of the public APIs, token hashing and secret encryption). It depends on nothing else in Herald
 * and holds no state.
 */
package io.herald.shared;
