package dev.snapdeck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.snapdeck.SnapdeckHome;
import dev.snapdeck.server.DataFolderLock;
import dev.snapdeck.server.LocalServer;
import dev.snapdeck.server.PortInUseException;
import dev.snapdeck.server.ServerOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snapdeck server}: runs the local server until the process is interrupted. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = {"Run Snapdeck's local server (ZenML's REST API on SQLite; runs pipelines as local "
                + "processes) until interrupted.",
            "The admin password comes from SNAPDECK_ADMIN_PASSWORD at the first start; otherwise one is "
                + "generated and printed once."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.SERVER_FAILED_LINE, ExitCode.USAGE_LINE,
            ExitCode.SERVER_STOPPED_LINE})
public final class ServerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8237", description = "Port; 0 = any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", description = "Data folder (default: the server folder of SNAPDECK_HOME).")
    Path data;

    @Option(names = "--pipelines", description = "Pipelines folder (default: DATA/pipelines, seeded with the example).")
    Path pipelines;

    @Option(names = "--max-parallel-steps", paramLabel = "N",
            description = "Steps of all runs that may run at once, 1 or more (default: the "
                    + "number of processors, at least 2); a run waiting for room reads 'queued'.")
    Integer maxParallelSteps;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dataDir = data != null ? data : SnapdeckHome.resolve().server();
        LocalServer server = start(dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM ends right after its shutdown hooks, so the hook itself stops the server: running
        // steps are killed rather than orphaned, and the store is closed cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "snapdeck-server-shutdown"));
        out.println("Snapdeck local server: " + server.url());
        server.generatedAdminPassword().ifPresent(password -> {
            if (System.getenv("SNAPDECK_ADMIN_PASSWORD") == null) {
                out.println("Admin user: admin, password (shown once): " + password);
            }
        });
        out.println("Data folder: " + dataDir.toAbsolutePath());
        out.flush();
        stopped.await();
        return 0;
    }

    /** Starts the server; the two ways starting commonly fails become one line each. */
    private LocalServer start(Path dataDir) throws Exception {
        try {
            return LocalServer.start(new ServerOptions(host, port, dataDir, pipelines, null, null,
                    checkedParallelSteps()));
        } catch (DataFolderLock.AlreadyRunningException e) {
            throw new CliFailure(ExitCode.PROBLEM, e.getMessage());
        } catch (PortInUseException e) {
            throw portInUse();
        } catch (RuntimeException e) {
            // Taken between the server's check and its bind.
            if (causedBy(e, BindException.class)) {
                throw portInUse();
            }
            throw e;
        }
    }

    /** The bound for {@link ServerOptions}, where 0 stands for its default. */
    private int checkedParallelSteps() {
        if (maxParallelSteps == null) {
            return 0;
        }
        if (maxParallelSteps < 1) {
            throw new CliFailure(ExitCode.USAGE, "--max-parallel-steps takes a number of steps, "
                    + "1 or more; it was " + maxParallelSteps + ".");
        }
        return maxParallelSteps;
    }

    private CliFailure portInUse() {
        return new CliFailure(ExitCode.PROBLEM, "port " + port + " on " + host + " is in use; "
                + "stop what uses it, or pick another with --port (0: any free one).");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
