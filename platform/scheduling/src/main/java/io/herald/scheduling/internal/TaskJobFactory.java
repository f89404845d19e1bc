package io.herald.scheduling.internal;

import io.herald.scheduling.api.RecurringTask;
import java.util.Map;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds {@link TaskJob}s for the tasks registered on this node, keyed by task type. */
final class TaskJobFactory implements JobFactory {

  private final Map<String, RecurringTask> tasks;

  TaskJobFactory(Map<String, RecurringTask> tasks) {
    this.tasks = Map.copyOf(tasks);
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    String type = bundle.getJobDetail().getKey().getName();
    RecurringTask task = tasks.get(type);
    if (task == null) {
      throw new SchedulerException("no recurring task of type " + type + " on this node");
    }
    return new TaskJob(task);
  }
}
