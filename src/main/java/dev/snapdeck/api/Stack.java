package dev.snapdeck.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stack; {@code components} (type → list of components) and {@code description} only when
 * hydrated ({@link ZenmlClient#stack}).
 */
public record Stack(UUID id, String name, Instant created, Instant updated, String description,
        Map<String, List<StackComponent>> components, Map<String, String> labels) {

    private static final Set<String> LOCAL_ORCHESTRATORS = Set.of("local", "local_docker");

    /** How far a stack can run snapshots, by its components alone (reference §9). */
    public enum Locality {
        /** Remote orchestrator and artifact store plus a container registry. */
        REMOTE,
        /** A local orchestrator or artifact store, or a registry on localhost. */
        LOCAL,
        /** No container registry: images cannot be built, so snapshots cannot run. */
        NO_REGISTRY,
        /** Components not known (stack fetched unhydrated). */
        UNKNOWN
    }

    /** The components of one type, empty when the stack has none. */
    public List<StackComponent> components(String type) {
        return components.getOrDefault(type, List.of());
    }

    /**
     * A hint only: the authoritative answer is each snapshot's {@code runnable} flag. Custom
     * flavors cannot be recognised here, and a Kubernetes orchestrator with
     * {@code configuration.local: true} is seen only when its configuration is present.
     */
    public Locality locality() {
        if (components.isEmpty()) {
            return Locality.UNKNOWN;
        }
        boolean local = components("orchestrator").stream().anyMatch(Stack::isLocalOrchestrator)
                || components("artifact_store").stream().anyMatch(c -> "local".equals(c.flavor()))
                || components("container_registry").stream().anyMatch(Stack::pointsAtLocalhost);
        if (local) {
            return Locality.LOCAL;
        }
        return components("container_registry").isEmpty() ? Locality.NO_REGISTRY
                : Locality.REMOTE;
    }

    /** True when {@link #locality()} is {@link Locality#REMOTE}. */
    public boolean isRemote() {
        return locality() == Locality.REMOTE;
    }

    private static boolean isLocalOrchestrator(StackComponent c) {
        return LOCAL_ORCHESTRATORS.contains(c.flavor())
                || ("kubernetes".equals(c.flavor()) && Json.bool(c.configuration(), "local"));
    }

    private static boolean pointsAtLocalhost(StackComponent c) {
        String uri = Json.text(c.configuration(), "uri");
        return uri != null && (uri.contains("localhost") || uri.contains("127.0.0.1"));
    }

    static Stack from(JsonNode n) {
        Map<String, List<StackComponent>> byType = new LinkedHashMap<>();
        JsonNode components = Json.at(n, "metadata", "components");
        if (components.isObject()) {
            components.fields().forEachRemaining(e -> byType.put(e.getKey(),
                    Json.list(e.getValue(), StackComponent::from)));
        }
        return new Stack(Json.uuid(n, "id"), Json.text(n, "name"),
                Json.instant(n, "body", "created"), Json.instant(n, "body", "updated"),
                Json.text(n, "metadata", "description"), Collections.unmodifiableMap(byType),
                Json.stringMap(Json.at(n, "metadata", "labels")));
    }
}
