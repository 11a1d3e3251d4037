package dev.snapdeck.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

import dev.snapdeck.api.ForbiddenException;
import dev.snapdeck.api.NotFoundException;
import dev.snapdeck.api.ServerTimeoutException;
import dev.snapdeck.api.ServerUnreachableException;
import dev.snapdeck.api.SnapshotsNotRunnableException;
import dev.snapdeck.api.UnauthorizedException;
import dev.snapdeck.api.ZenmlException;
import dev.snapdeck.service.AmbiguousNameException;
import dev.snapdeck.service.NoSuchThingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever a command threw into one line on standard error and the documented exit code;
 * the stack trace goes to the log only.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine,
            ParseResult parseResult) {
        LOG.debug("Command failed", e);
        int code = exitCode(e);
        boolean unexpected = code == ExitCode.PROBLEM && !(e instanceof ZenmlException)
                && !(e instanceof CliFailure) && !inTheEnvironment(e);
        commandLine.getErr().println("error: " + message(e)
                + (unexpected ? " (run again with -v for the details)" : ""));
        commandLine.getErr().flush();
        if (unexpected) {
            LOG.error("Unexpected failure of '{}'", commandLine.getCommandName(), e);
        }
        return code;
    }

    /**
     * A file, folder or database this machine would not let the command use: its message says
     * what and where, and a stack trace would add nothing for the user (it stays in the -v log).
     */
    private static boolean inTheEnvironment(Exception e) {
        return e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof SQLException;
    }

    static int exitCode(Exception e) {
        if (e instanceof CliFailure) {
            return ((CliFailure) e).exitCode();
        }
        if (e instanceof UnauthorizedException) {
            return ExitCode.AUTH;
        }
        if (e instanceof ServerUnreachableException || e instanceof ServerTimeoutException) {
            return ExitCode.UNREACHABLE;
        }
        if (e instanceof NoSuchThingException || e instanceof AmbiguousNameException
                || e instanceof NotFoundException) {
            return ExitCode.NOT_FOUND;
        }
        if (e instanceof SnapshotsNotRunnableException) {
            return ExitCode.NOT_SUPPORTED;
        }
        return ExitCode.PROBLEM;
    }

    static String message(Exception e) {
        if (e instanceof UnauthorizedException) {
            return "the server rejected the credentials ("
                    + firstLine(((ZenmlException) e).serverMessage()) + ").";
        }
        if (e instanceof ForbiddenException) {
            return "not allowed: " + firstLine(((ZenmlException) e).serverMessage());
        }
        if (e instanceof ServerUnreachableException) {
            return "cannot reach the server: " + firstLine(((ZenmlException) e).serverMessage());
        }
        if (e instanceof ServerTimeoutException) {
            return "the server did not answer in time: "
                    + firstLine(((ZenmlException) e).serverMessage());
        }
        if (e instanceof NotFoundException) {
            return "not found: " + firstLine(((ZenmlException) e).serverMessage());
        }
        if (e instanceof ZenmlException) {
            return "the server refused: " + firstLine(((ZenmlException) e).serverMessage());
        }
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            return firstLine(e.getMessage());
        }
        String text = firstLine(e.getMessage());
        return text.isEmpty() ? e.getClass().getSimpleName() : text;
    }

    /**
     * Why a file or folder could not be used, in words: for the commonest causes Java's
     * exception holds only the path ({@code /tmp/noread.yaml} for a permission denied).
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        String text = firstLine(e.getMessage());
        return text.isEmpty() ? e.getClass().getSimpleName() : text;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }
}
