package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.Window;
import java.io.Serializable;

/** A message engagement leaf: a metric for one message, one campaign or any message. */
public final class EngagementLeaf implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the engagement is about. */
  public enum Target {
    /** Any message. */
    ANY,
    /** One message (template or action) by id. */
    MESSAGE,
    /** One campaign or journey by id. */
    CAMPAIGN
  }

  private EngagementCondition.Metric metric = EngagementCondition.Metric.OPENED;
  private Target target = Target.ANY;
  private String targetId = "";
  private final CountModel count = new CountModel();
  private final WindowModel window = new WindowModel();

  void read(EngagementCondition condition) {
    metric = condition.metric();
    if (condition.messageId() != null) {
      target = Target.MESSAGE;
      targetId = condition.messageId();
    } else if (condition.campaignId() != null) {
      target = Target.CAMPAIGN;
      targetId = condition.campaignId();
    } else {
      target = Target.ANY;
    }
    count.read(condition.count());
    window.read(condition.window());
  }

  EngagementCondition toCondition(Problems.Scope problems) {
    String id = targetId.trim();
    boolean missingId = target != Target.ANY && id.isEmpty();
    if (missingId) {
      problems.add(target == Target.MESSAGE ? "message" : "campaign", "give its id");
    }
    Count c = count.toCount(problems);
    Window w = window.toWindow(problems);
    if (missingId || c == null || w == null) {
      return null;
    }
    return new EngagementCondition(
        metric, target == Target.MESSAGE ? id : null, target == Target.CAMPAIGN ? id : null, c, w);
  }

  public EngagementCondition.Metric getMetric() {
    return metric;
  }

  public void setMetric(EngagementCondition.Metric metric) {
    this.metric = metric == null ? EngagementCondition.Metric.OPENED : metric;
  }

  public Target getTarget() {
    return target;
  }

  public void setTarget(Target target) {
    this.target = target == null ? Target.ANY : target;
  }

  public String getTargetId() {
    return targetId;
  }

  public void setTargetId(String targetId) {
    this.targetId = targetId == null ? "" : targetId;
  }

  public CountModel getCount() {
    return count;
  }

  public WindowModel getWindow() {
    return window;
  }
}
