package io.herald.journeys.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a journey document's {@code nodes} for {@link JourneyJson}: each node (id, type, its step
 * settings and edges), then the graph's checks: edges name existing nodes, a cycle goes through a
 * step where runs wait, and a branch on an earlier message names a sending node. Problems go to the
 * document's {@link JsonChecks} with their JSON path.
 */
final class NodeGraph {

  private final JsonChecks checks;
  private final StepSettings steps;

  NodeGraph(JsonChecks checks, StepSettings steps) {
    this.checks = checks;
    this.steps = steps;
  }

  /** The document's nodes, in their order, checked (problems go to the checks). */
  Map<String, Node> nodes(JsonObject root) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    JsonValue value = root.get("nodes");
    if (value == null) {
      checks.problem("$.nodes", "is required");
      return nodes;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      checks.problem("$.nodes", "must be an array");
      return nodes;
    }
    JsonArray array = value.asJsonArray();
    if (array.isEmpty() || array.size() > JourneyJson.MAX_NODES) {
      checks.problem("$.nodes", "must have 1 to " + JourneyJson.MAX_NODES + " nodes");
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "$.nodes[" + i + "]";
      Node node = node(array.get(i), path);
      if (node == null) {
        continue;
      }
      if (nodes.containsKey(node.id())) {
        checks.problem(path + ".id", "another node has id '" + node.id() + "'");
        continue;
      }
      nodes.put(node.id(), node);
      paths.add(path);
    }
    // Edges name existing nodes.
    int i = 0;
    for (Node node : nodes.values()) {
      String path = paths.get(i++);
      for (Map.Entry<String, String> edge : node.next().entrySet()) {
        if (!nodes.containsKey(edge.getValue())) {
          String at =
              Node.NEXT.equals(edge.getKey()) && node.next().size() == 1 && !isMap(node)
                  ? path + ".next"
                  : path + ".next." + edge.getKey();
          checks.problem(at, "no node has id '" + edge.getValue() + "' (dangling edge)");
        }
      }
    }
    cycles(nodes, paths);
    checkReferences(nodes, paths);
    return nodes;
  }

  private static boolean isMap(Node node) {
    return !node.type().labels().isEmpty()
        || node.type() == NodeType.MULTI_SPLIT
        || node.type() == NodeType.RANDOM_SPLIT;
  }

  /** A cycle is allowed only through a step where runs wait. */
  private void cycles(Map<String, Node> nodes, List<String> paths) {
    Map<String, Integer> state = new HashMap<>();
    List<String> order = new ArrayList<>(nodes.keySet());
    for (String id : order) {
      if (!state.containsKey(id)) {
        String found = visit(id, nodes, state);
        if (found != null) {
          checks.problem(
              paths.get(order.indexOf(found)) + ".next",
              "cycle through '" + found + "' without a delay, wait_until or time_window step");
          return;
        }
      }
    }
  }

  private String visit(String id, Map<String, Node> nodes, Map<String, Integer> state) {
    state.put(id, 1);
    Node node = nodes.get(id);
    if (node != null && !node.type().waits()) {
      for (String target : node.next().values()) {
        Node next = nodes.get(target);
        if (next == null || next.type().waits()) {
          continue;
        }
        Integer s = state.get(target);
        if (s != null && s == 1) {
          return target;
        }
        if (s == null) {
          String found = visit(target, nodes, state);
          if (found != null) {
            return found;
          }
        }
      }
    }
    state.put(id, 2);
    return null;
  }

  /** Branches on an earlier message name a send_email or send_message node. */
  private void checkReferences(Map<String, Node> nodes, List<String> paths) {
    int i = 0;
    for (Node node : nodes.values()) {
      String path = paths.get(i++) + ".settings";
      List<JsonObject> tests = new ArrayList<>();
      if (node.type() == NodeType.BRANCH) {
        tests.add(node.settings());
      } else if (node.type() == NodeType.MULTI_SPLIT
          && node.settings().get("branches") instanceof JsonArray branches) {
        branches.forEach(b -> tests.add(b.asJsonObject()));
      }
      for (JsonObject test : tests) {
        if (test.get("message") instanceof JsonObject m && m.get("node") instanceof JsonString s) {
          Node target = nodes.get(s.getString());
          if (target == null || !target.type().sends()) {
            checks.problem(
                path,
                "message.node '" + s.getString() + "' is not a send_email or send_message node");
          }
        }
      }
    }
  }

  private Node node(JsonValue value, String path) {
    JsonObject o = checks.object(value, path);
    if (o == null) {
      return null;
    }
    checks.keys(o, path, "id", "type", "settings", "next", "name");
    String id = checks.text(o, path, "id", true);
    if (id != null && !JourneyJson.NODE_ID.matcher(id).matches()) {
      checks.problem(path + ".id", "must be 1 to 64 letters, digits, '_' or '-'");
    }
    String typeName = checks.text(o, path, "type", true);
    if (id == null || typeName == null) {
      return null;
    }
    NodeType type = NodeType.of(typeName).orElse(null);
    if (type == null) {
      checks.problem(path + ".type", "unknown node type '" + typeName + "'");
      return null;
    }
    JsonObject settings = checks.optionalObject(o, path, "settings");
    if (settings == null) {
      settings = JsonValue.EMPTY_JSON_OBJECT;
    }
    List<String> labels = steps.settings(type, settings, path + ".settings");
    Map<String, String> next = new LinkedHashMap<>();
    JsonValue n = o.get("next");
    if (n != null && n.getValueType() != JsonValue.ValueType.NULL) {
      if (type == NodeType.EXIT) {
        checks.problem(path + ".next", "an exit node has no next");
      } else if (labels == null) {
        if (n instanceof JsonString s) {
          next.put(Node.NEXT, s.getString());
        } else {
          checks.problem(path + ".next", "must be a node id (string)");
        }
      } else if (n instanceof JsonObject edges) {
        for (Map.Entry<String, JsonValue> e : edges.entrySet()) {
          if (!labels.contains(e.getKey())) {
            checks.problem(
                path + ".next." + e.getKey(),
                "unknown edge label; this step has " + String.join(", ", labels));
          } else if (e.getValue() instanceof JsonString s) {
            next.put(e.getKey(), s.getString());
          } else if (e.getValue().getValueType() != JsonValue.ValueType.NULL) {
            checks.problem(path + ".next." + e.getKey(), "must be a node id (string)");
          }
        }
      } else {
        checks.problem(path + ".next", "must be an object of " + String.join(", ", labels));
      }
    }
    return new Node(id, type, settings, next);
  }
}
