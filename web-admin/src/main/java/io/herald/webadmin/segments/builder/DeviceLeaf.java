package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.DeviceCondition;
import java.io.Serializable;

/**
 * A device leaf: has a device on a platform ({@code ""} for any, {@code ios}, {@code android})
 * whose push state is enabled, disabled or either ({@code ""}, {@code "true"}, {@code "false"}).
 */
public final class DeviceLeaf implements Serializable {

  private static final long serialVersionUID = 1L;

  private String platform = "";
  private String push = "";

  void read(DeviceCondition condition) {
    platform = condition.platform() == null ? "" : condition.platform();
    push = condition.pushEnabled() == null ? "" : condition.pushEnabled().toString();
  }

  DeviceCondition toCondition(Problems.Scope problems) {
    if (!platform.isEmpty() && !platform.equals("ios") && !platform.equals("android")) {
      problems.add("platform", "'" + platform + "' is not ios or android");
      return null;
    }
    if (!push.isEmpty() && !push.equals("true") && !push.equals("false")) {
      problems.add("push", "'" + push + "' is not true or false");
      return null;
    }
    return new DeviceCondition(
        platform.isEmpty() ? null : platform, push.isEmpty() ? null : Boolean.valueOf(push));
  }

  public String getPlatform() {
    return platform;
  }

  public void setPlatform(String platform) {
    this.platform = platform == null ? "" : platform;
  }

  public String getPush() {
    return push;
  }

  public void setPush(String push) {
    this.push = push == null ? "" : push;
  }
}
