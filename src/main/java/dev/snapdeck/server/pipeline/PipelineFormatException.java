package dev.snapdeck.server.pipeline;

import java.nio.file.Path;

/**
 * A pipeline folder that cannot be used: the message reads {@code file:line:col: what is wrong}.
 * Line and column are 1-based; both are 0 when the problem has no place in the file.
 */
public final class PipelineFormatException extends Exception {

    private final transient Path file;
    private final int line;
    private final int column;
    private final String problem;

    /** Creates the error for {@code problem} at {@code line}:{@code column} of {@code file}. */
    public PipelineFormatException(Path file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file the problem is in. */
    public Path file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The plain message without the place. */
    public String problem() {
        return problem;
    }
}
