package dev.snapdeck.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How to start a {@link LocalServer}.
 *
 * @param host             address to bind (default 127.0.0.1)
 * @param port             port, 0 = any free port
 * @param dataDir          the data folder (database, archives, runs, cache)
 * @param pipelinesDir     the pipelines folder; null = {@code <dataDir>/pipelines}, seeded with
 *                         the examples
 * @param adminPassword    the admin password at first start (asked only when the admin is created)
 * @param tokenLifetime    how long a bearer token from /api/v1/login stays valid
 * @param maxParallelSteps how many steps of all runs may run at once; 0 = the default,
 *                         {@link #defaultMaxParallelSteps()}
 */
public record ServerOptions(String host, int port, Path dataDir, Path pipelinesDir, Supplier<String> adminPassword,
        Duration tokenLifetime, int maxParallelSteps) {

    public ServerOptions {
        host = host == null ? "127.0.0.1" : host;
        pipelinesDir = pipelinesDir == null ? dataDir.resolve("pipelines") : pipelinesDir;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
        adminPassword = adminPassword == null ? ServerOptions::passwordFromEnvironment : adminPassword;
        if (maxParallelSteps < 0) {
            throw new IllegalArgumentException("maxParallelSteps must be 0 (the default) or more");
        }
        maxParallelSteps = maxParallelSteps == 0 ? defaultMaxParallelSteps() : maxParallelSteps;
    }

    /** Options with the default bound on parallel steps. */
    public ServerOptions(String host, int port, Path dataDir, Path pipelinesDir,
            Supplier<String> adminPassword, Duration tokenLifetime) {
        this(host, port, dataDir, pipelinesDir, adminPassword, tokenLifetime, 0);
    }

    /** Defaults for a data folder: loopback, any port, password from the environment or generated. */
    public static ServerOptions of(Path dataDir) {
        return new ServerOptions(null, 0, dataDir, null, null, null);
    }

    /** These options with at most {@code steps} steps running at once (0: the default). */
    public ServerOptions withMaxParallelSteps(int steps) {
        return new ServerOptions(host, port, dataDir, pipelinesDir, adminPassword, tokenLifetime,
                steps);
    }

    /** The number of processors, and at least 2. */
    public static int defaultMaxParallelSteps() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** SNAPDECK_ADMIN_PASSWORD, else a new random password. */
    public static String passwordFromEnvironment() {
        String fromEnvironment = System.getenv("SNAPDECK_ADMIN_PASSWORD");
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment
                : dev.snapdeck.server.auth.Secrets.randomToken(12);
    }
}
