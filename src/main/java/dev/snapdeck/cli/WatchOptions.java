package dev.snapdeck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

import dev.snapdeck.api.PipelineRun;

import picocli.CommandLine.Option;

/** How the commands that watch a run until it ends poll the server (a picocli mixin). */
final class WatchOptions {

    @Option(names = "--poll-interval", hidden = true, paramLabel = "MILLIS", defaultValue = "1000",
            description = "How often to ask the server while watching, in milliseconds.")
    long pollMillis;

    @Option(names = "--outage-grace", paramLabel = "DURATION", defaultValue = "5m",
            converter = DurationText.class,
            description = {"How long the server may be out of reach while watching before the "
                + "command gives up with exit code 4 (default: ${DEFAULT-VALUE}): seconds (300), "
                + "a number with a unit (90s, 5m, 1h, 1d) or ISO-8601 (PT5M); 0 gives up at once.",
                "Meanwhile it keeps asking, and says when the server is lost and when it "
                    + "answers again."})
    Duration outageGrace;

    RunWatch watch(PipelineRun run, PrintWriter err, Consumer<String> verbose) {
        Duration interval = Duration.ofMillis(Math.max(50, pollMillis));
        return new RunWatch(run, interval, outageGrace, err, verbose, System::nanoTime);
    }
}
