package io.herald.segments.api;

/**
 * How a segment's membership moved over a period, from the recorded enters and exits ({@code
 * segments_membership_change}).
 *
 * @param entered enters recorded in the period
 * @param exited exits recorded in the period
 */
public record MembershipGrowth(long entered, long exited) {

  /** No enter and no exit. */
  public static final MembershipGrowth NONE = new MembershipGrowth(0, 0);

  /** Enters minus exits: how many more members the segment has than at the period's start. */
  public long net() {
    return entered - exited;
  }
}
