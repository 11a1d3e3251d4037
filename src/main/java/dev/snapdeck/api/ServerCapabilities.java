package dev.snapdeck.api;

/**
 * What the server can do, found out right after connecting (reference §12).
 *
 * @param hasSnapshots the server serves {@code /api/v1/pipeline_snapshots}
 * @param onlyRunTemplates no snapshots, but run templates (servers before ZenML 0.90)
 * @param canRunSnapshots snapshots can be triggered (the server has a workload manager)
 * @param version the server's ZenML version
 * @param pro a ZenML Pro workspace
 * @param authScheme {@code NO_AUTH}, {@code HTTP_BASIC}, {@code OAUTH2_PASSWORD_BEARER} or
 *     {@code EXTERNAL}
 * @param detectedBy {@code openapi} when read from {@code /openapi.json}, {@code probe} when the
 *     trigger route was probed instead
 */
public record ServerCapabilities(boolean hasSnapshots, boolean onlyRunTemplates,
        boolean canRunSnapshots, String version, boolean pro, String authScheme,
        String detectedBy) {

    /**
     * True for a Pro server that has snapshots but cannot run them: a self-hosted workspace whose
     * workload manager is not configured (worth telling the user's platform team).
     */
    public boolean workloadManagerMissing() {
        return pro && hasSnapshots && !canRunSnapshots;
    }
}
