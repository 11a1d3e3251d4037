package dev.snapdeck.service;

import dev.snapdeck.api.ServerCapabilities;
import dev.snapdeck.api.ServerInfo;
import dev.snapdeck.api.User;

/**
 * What the status bar and the Run button need to know about the connected server.
 *
 * @param profile      the connection profile's name
 * @param url          the server's base URL
 * @param local        true for Snapdeck's own local server, whoever started it
 * @param server       what {@code /api/v1/info} said
 * @param capabilities whether it has snapshots and can run them
 * @param user         who is signed in
 */
public record ConnectionInfo(String profile, String url, boolean local, ServerInfo server,
        ServerCapabilities capabilities, User user) {

    public String version() {
        return server.version();
    }

    /** True when a snapshot run can be triggered on this server at all. */
    public boolean canRunSnapshots() {
        return capabilities.canRunSnapshots();
    }

    /**
     * Why snapshots cannot be run here, in words for the user; empty when they can.
     */
    public String whyRunsAreUnavailable() {
        if (capabilities.canRunSnapshots()) {
            return "";
        }
        if (!capabilities.hasSnapshots()) {
            return capabilities.onlyRunTemplates()
                    ? "This server is older than ZenML 0.90: it has run templates, not snapshots."
                    : "This server does not offer pipeline snapshots.";
        }
        if (capabilities.workloadManagerMissing()) {
            return "This ZenML Pro workspace has no workload manager configured, so it cannot "
                    + "start runs from snapshots. Ask your platform team to enable it.";
        }
        return "Open-source ZenML servers cannot run snapshots (that needs ZenML Pro with a "
                + "workload manager). You can still create, list and delete snapshots here.";
    }
}
