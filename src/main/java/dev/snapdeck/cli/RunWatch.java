package dev.snapdeck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.api.ServerErrorException;
import dev.snapdeck.api.ServerTimeoutException;
import dev.snapdeck.api.ServerUnreachableException;
import dev.snapdeck.api.ZenmlException;
import dev.snapdeck.service.Workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling loop of the commands that watch a run until it ends ({@code snapshot run --wait},
 * {@code run logs --follow}), made to ride out a short outage of the server: a restart, a load
 * balancer's blip, a laptop's Wi-Fi coming back. Before, the first failed poll ended an hour-long
 * wait with "cannot reach the server", and the calling script took the run for failed.
 *
 * <p>A round that fails because nothing answered, nothing answered in time, or a gateway answered
 * 502, 503 or 504 does not end the watch. One line on standard error says the server is lost;
 * rounds go on, further apart each time up to {@link #LONGEST_PAUSE_WHEN_LOST} (or the usual
 * interval when that is longer), and one line says when the server answers again. An outage
 * longer than the grace period ends the watch with exit code 4 and a line saying how to check on
 * the run. Any other failure (credentials refused even after signing in again, the run deleted,
 * a 422) ends it at once.
 *
 * <p>A round may fail half-way and is then repeated in full, so it must move its own state only
 * over what it printed: the step statuses it reported, log cursors that stay put when a read
 * fails.
 */
final class RunWatch {

    private static final Logger LOG = LoggerFactory.getLogger(RunWatch.class);
    private static final Duration LONGEST_PAUSE_WHEN_LOST = Duration.ofSeconds(5);
    private static final Set<Integer> GATEWAY_STATUSES = Set.of(502, 503, 504);

    /** Prints what is new about the run as it now is (step statuses, log lines). */
    interface Progress {

        /**
         * Asks {@code workspace} (the server as now reached) for what is new; fails as the
         * {@link Workspace} calls it makes; may have printed part of a round.
         */
        void printNew(Workspace workspace, PipelineRun now);
    }

    /**
     * Opens the connection again, for a server that may come back at another address: the local
     * server of the data folder takes any free port when its own is taken.
     */
    interface Reopen {
        Workspace open() throws Exception;

        /**
         * Whether the server reached at {@code url} still runs there. One that stopped leaves its
         * port to whichever program takes it next, which must not be sent the token the watch
         * holds; asked before every round, so it must be cheap (no request).
         */
        default boolean stillAt(String url) {
            return true;
        }
    }

    private final PipelineRun run;
    private final Duration interval;
    private final Duration grace;
    private final PrintWriter err;
    private final Consumer<String> verbose;
    private final LongSupplier nanoTime;

    private boolean lost;
    private long lostSince;
    private Duration pauseWhenLost;

    /**
     * @param run      the run to watch, as first found
     * @param interval the pause between rounds while the server answers
     * @param grace    how long the server may be lost before the watch ends
     * @param err      where the lost and found lines go
     * @param verbose  where what happens on the way goes, for {@code -v}
     * @param nanoTime a monotonic clock ({@link System#nanoTime}) that measures the outage
     */
    RunWatch(PipelineRun run, Duration interval, Duration grace, PrintWriter err,
            Consumer<String> verbose, LongSupplier nanoTime) {
        this.run = run;
        this.interval = interval;
        this.grace = grace;
        this.err = err;
        this.verbose = verbose;
        this.nanoTime = nanoTime;
    }

    /**
     * Asks for the run, hands it to {@code progress}, and again after a pause, until the run has
     * ended; answers the run as it ended. While the server is lost it also asks {@code reopen}
     * (may be null) where the server is now: one back at another address is followed there.
     *
     * @throws CliFailure (exit code 4) when the server stayed lost longer than the grace period
     * @throws ZenmlException any failure that is not an outage, at once
     * @throws InterruptedException when the thread is interrupted during a pause
     */
    PipelineRun untilEnded(Workspace workspace, Reopen reopen, Progress progress)
            throws InterruptedException {
        Workspace current = workspace;
        try {
            while (true) {
                Duration pause;
                try {
                    requireStillThere(current, reopen);
                    PipelineRun now = round(current, progress);
                    if (now.hasEnded()) {
                        return now;
                    }
                    pause = interval;
                } catch (ZenmlException e) {
                    if (!isOutage(e)) {
                        throw e;
                    }
                    pause = pauseAfterLosing(current.connection().url(), e);
                    Workspace moved = movedTo(current, reopen);
                    if (moved != current) {
                        closeIfOpenedHere(current, workspace);
                        current = moved;
                        pause = Duration.ZERO;
                    }
                }
                Thread.sleep(pause.toMillis());
            }
        } finally {
            closeIfOpenedHere(current, workspace);
        }
    }

    /** A server known to have left its address counts as lost, before anything is sent there. */
    private static void requireStillThere(Workspace current, Reopen reopen) {
        String url = current.connection().url();
        if (reopen != null && !reopen.stillAt(url)) {
            throw new ServerUnreachableException(url, new IOException("its data folder says it "
                    + "no longer runs there"));
        }
    }

    /** The server at its new address, when {@code reopen} finds it moved; else {@code current}. */
    private Workspace movedTo(Workspace current, Reopen reopen) {
        if (reopen == null) {
            return current;
        }
        Workspace reopened;
        try {
            reopened = reopen.open();
        } catch (Exception e) {
            verbose.accept("Not found elsewhere either (" + e.getMessage() + ")");
            return current;
        }
        if (reopened.connection().url().equals(current.connection().url())) {
            reopened.close();
            return current;
        }
        err.println("The server is now at " + reopened.connection().url() + ".");
        err.flush();
        return reopened;
    }

    private static void closeIfOpenedHere(Workspace current, Workspace given) {
        if (current != given) {
            current.close();
        }
    }

    private PipelineRun round(Workspace workspace, Progress progress) {
        PipelineRun now = workspace.run(run.id());
        if (lost) {
            found();
        }
        progress.printNew(workspace, now);
        if (!now.hasEnded()) {
            verbose.accept("Run " + now.name() + " is " + now.status() + "; asking again in "
                    + interval.toMillis() + " ms");
        }
        return now;
    }

    /** True for the failures of a server that is away for now, as opposed to one that said no. */
    private static boolean isOutage(ZenmlException e) {
        return e instanceof ServerUnreachableException || e instanceof ServerTimeoutException
                || (e instanceof ServerErrorException && GATEWAY_STATUSES.contains(e.status()));
    }

    private void found() {
        lost = false;
        err.println("Reached the server again.");
        err.flush();
    }

    /** Says the server is lost the first time, gives up after the grace period, else waits. */
    private Duration pauseAfterLosing(String serverUrl, ZenmlException e) {
        LOG.debug("No answer while watching run {}", run.id(), e);
        long now = nanoTime.getAsLong();
        if (!lost) {
            lostSince = now;
            pauseWhenLost = interval;
        }
        Duration lostFor = Duration.ofNanos(now - lostSince);
        if (lostFor.compareTo(grace) >= 0) {
            throw giveUp(serverUrl, e);
        }
        if (!lost) {
            lost = true;
            sayLost(serverUrl, e);
        }

        Duration pause = min(pauseWhenLost, grace.minus(lostFor));
        pauseWhenLost = min(pauseWhenLost.multipliedBy(2), longestPause());
        verbose.accept("Still no answer (" + reason(e) + "); asking again in " + pause.toMillis()
                + " ms");
        return pause;
    }

    private void sayLost(String serverUrl, ZenmlException e) {
        err.println("Lost the server at " + serverUrl + " (" + reason(e) + "); still waiting for "
                + "run " + TerminalText.visible(run.name()) + " (" + run.id() + "), asking again "
                + "at most " + DurationText.spoken(longestPause()) + " apart for up to "
                + DurationText.spoken(grace) + ".");
        err.flush();
    }

    private CliFailure giveUp(String serverUrl, ZenmlException e) {
        String after = grace.isZero() ? "" : " and gave up after " + DurationText.spoken(grace);
        return new CliFailure(ExitCode.UNREACHABLE, "lost the server at " + serverUrl + " ("
                + reason(e) + ")" + after + "; run " + TerminalText.visible(run.name()) + " ("
                + run.id() + ") may still be going: see 'snapdeck run describe " + run.id()
                + "'.");
    }

    private Duration longestPause() {
        return interval.compareTo(LONGEST_PAUSE_WHEN_LOST) > 0 ? interval : LONGEST_PAUSE_WHEN_LOST;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String reason(ZenmlException e) {
        if (e instanceof ServerTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof ServerErrorException) {
            return "HTTP " + e.status();
        }
        Throwable cause = e.getCause();
        String text = cause == null ? null : cause.getMessage();
        return text == null || text.isBlank() ? e.getMessage() : text;
    }
}
