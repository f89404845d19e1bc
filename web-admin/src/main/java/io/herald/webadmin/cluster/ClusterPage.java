package io.herald.webadmin.cluster;

import io.herald.scheduling.api.NodeView;
import io.herald.scheduling.api.SchedulingService;
import io.herald.scheduling.api.TaskView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Cluster: the nodes seen by their heartbeats and the recurring tasks with their firing times. */
@Named
@RequestScoped
public class ClusterPage {

  @Inject SchedulingService scheduling;

  private List<NodeView> nodes = List.of();
  private List<TaskView> tasks = List.of();

  @PostConstruct
  void load() {
    nodes = scheduling.nodes();
    tasks = scheduling.tasks();
  }

  public List<NodeView> getNodes() {
    return nodes;
  }

  public List<TaskView> getTasks() {
    return tasks;
  }

  public long getAliveCount() {
    return nodes.stream().filter(NodeView::alive).count();
  }
}
