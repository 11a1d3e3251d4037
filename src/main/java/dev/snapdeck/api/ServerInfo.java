package dev.snapdeck.api;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/info}: who the server is. Pro fields are null on open-source servers.
 * {@code snapdeckLocal} is true when the server says it is Snapdeck's own local server (in its
 * {@code metadata}, where ZenML servers keep free-form facts), whoever started it.
 */
public record ServerInfo(UUID id, String name, String version, String deploymentType,
        String databaseType, String authScheme, String serverUrl, String dashboardUrl,
        String proOrganizationName, String proWorkspaceName, boolean snapdeckLocal) {

    /** A server that does not say it is Snapdeck's local server (ZenML's shape). */
    public ServerInfo(UUID id, String name, String version, String deploymentType,
            String databaseType, String authScheme, String serverUrl, String dashboardUrl,
            String proOrganizationName, String proWorkspaceName) {
        this(id, name, version, deploymentType, databaseType, authScheme, serverUrl, dashboardUrl,
                proOrganizationName, proWorkspaceName, false);
    }

    /** ZenML's own test for a Pro workspace: {@code deployment_type == "cloud"}. */
    public boolean isPro() {
        return "cloud".equals(deploymentType) || proWorkspaceName != null;
    }

    /** Password login is offered only when the scheme is not EXTERNAL (Pro control plane). */
    public boolean acceptsPasswordLogin() {
        return !"EXTERNAL".equals(authScheme);
    }

    static ServerInfo from(JsonNode n) {
        String workspace = Json.text(n, "pro_workspace_name");
        return new ServerInfo(Json.uuid(n, "id"), Json.text(n, "name"), Json.text(n, "version"),
                Json.text(n, "deployment_type"), Json.text(n, "database_type"),
                Json.text(n, "auth_scheme"), Json.text(n, "server_url"),
                Json.text(n, "dashboard_url"), Json.text(n, "pro_organization_name"),
                workspace != null ? workspace : Json.text(n, "pro_tenant_name"),
                "true".equals(n.path("metadata").path("snapdeck").asText()));
    }
}
