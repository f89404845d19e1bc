/**
 * Evaluation of condition trees: what is known about one person ({@link PersonFacts}), the
 * in-memory evaluator's contract ({@link PersonEvaluator}) and its result ({@link Evaluation}).
 */
package io.herald.segments.internal.evaluate;
