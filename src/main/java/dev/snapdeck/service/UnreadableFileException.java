package dev.snapdeck.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A file of the data folder (the connections or the secrets) that cannot be used as it is. The
 * message says which file and what is wrong with it in words a user can act on, with the line and
 * column when the file is not what it should be; the file itself is left as it was.
 *
 * <p>The dashboard and the CLI catch this type to show the message instead of failing blindly.
 */
public final class UnreadableFileException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /** The file at {@code path} cannot be used; {@code message} is the whole sentence shown. */
    public UnreadableFileException(Path path, String message, IOException cause) {
        super(message, cause);
        this.path = path;
    }

    /**
     * "Cannot read the {@code kind} {@code path}: what is wrong at line L, column C", in
     * {@link JsonFileProblem}'s words.
     */
    static UnreadableFileException reading(String kind, Path path, IOException cause) {
        return new UnreadableFileException(path,
                "Cannot read the " + kind + " " + path + ": " + JsonFileProblem.describe(cause), cause);
    }

    /**
     * The file at {@code path} reads fine but does not hold together ({@code message} says how).
     * The cause is an {@link IOException} carrying the same words, as {@link UncheckedIOException}
     * needs one.
     */
    static UnreadableFileException inconsistent(Path path, String message) {
        return new UnreadableFileException(path, message, new IOException(message));
    }

    /** The file that cannot be used. */
    public Path path() {
        return path;
    }
}
