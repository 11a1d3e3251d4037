package dev.snapdeck.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /runs/{id}/dag}: step, artifact and triggered-run nodes and their edges. */
public record RunDag(UUID runId, ExecutionStatus status, List<Node> nodes, List<Edge> edges) {

    /** A node; {@code type} is {@code step}, {@code artifact} or {@code triggered_run}. */
    public record Node(String nodeId, String type, UUID id, String name, JsonNode metadata) {

        /** The step's status from the node metadata, or null for other nodes. */
        public ExecutionStatus status() {
            return ExecutionStatus.of(Json.text(metadata, "status"));
        }
    }

    /** A directed edge between two {@link Node#nodeId()}s. */
    public record Edge(String source, String target) {
    }

    static RunDag from(JsonNode n) {
        return new RunDag(Json.uuid(n, "id"), ExecutionStatus.of(Json.text(n, "status")),
                Json.list(n.path("nodes"), node -> new Node(Json.text(node, "node_id"),
                        Json.text(node, "type"), Json.uuid(node, "id"), Json.text(node, "name"),
                        Json.tree(node, "metadata"))),
                Json.list(n.path("edges"), edge -> new Edge(Json.text(edge, "source"),
                        Json.text(edge, "target"))));
    }
}
