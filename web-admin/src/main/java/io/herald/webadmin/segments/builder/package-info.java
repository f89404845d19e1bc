/**
 * The segment builder's view model: a mutable tree of groups and leaves that Faces inputs bind to
 * ({@link io.herald.webadmin.segments.builder.ConditionTree}), converted to and from the immutable
 * condition records of {@code io.herald.segments.api.condition} by {@link
 * io.herald.webadmin.segments.builder.TreeMapper}. Operands are edited as text and parsed on
 * conversion; what cannot be parsed is reported per node through {@link
 * io.herald.webadmin.segments.builder.Problems}, never thrown at the operator.
 */
package io.herald.webadmin.segments.builder;
