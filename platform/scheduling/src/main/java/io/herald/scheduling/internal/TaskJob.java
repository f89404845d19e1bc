package io.herald.scheduling.internal;

import io.herald.scheduling.api.RecurringTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job that runs one {@link RecurringTask}. A thin shell: Quartz's job data holds only
 * the task type (the job key), and {@link TaskJobFactory} hands in the task. A failing run is
 * logged, and the task runs again at its next interval.
 */
@DisallowConcurrentExecution
final class TaskJob implements Job {

  private static final Logger LOG = Logger.getLogger(TaskJob.class.getName());

  private final RecurringTask task;

  TaskJob(RecurringTask task) {
    this.task = task;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      task.run();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "recurring task " + task.taskType() + " failed", e);
    }
  }
}
