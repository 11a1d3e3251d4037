package dev.snapdeck.server.orchestrator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads step logs in ranges. A log holds the raw bytes a step wrote; reading decodes them as UTF-8
 * and puts U+FFFD in place of bytes that are not UTF-8, so a broken byte never breaks a reader.
 */
public final class StepLogs {

    private StepLogs() {
    }

    /** A piece of a log: its text, where the next read starts, and the log's size at reading time. */
    public record Chunk(String text, long nextOffset, long size) {

        /** Whether this chunk reached the end of what the log held when it was read. */
        public boolean atEnd() {
            return nextOffset >= size;
        }
    }

    /**
     * Reads at most {@code maxBytes} bytes from {@code offset}, on the calling thread, without
     * loading the rest of the file. A UTF-8 sequence cut by the end of the range is left for the
     * next read unless the file ends there. A missing log reads as empty.
     *
     * @throws IllegalArgumentException for a negative offset or a maxBytes below 4
     * @throws IOException when the log exists but cannot be read
     */
    public static Chunk read(Path log, long offset, int maxBytes) throws IOException {
        return read(log, offset, maxBytes, false, true);
    }

    /**
     * Reads as {@link #read} but ends after the last line break of the range, so a reader
     * following the log gets each line in one piece: the start of a line the step is still
     * writing, or one cut by the end of the range, waits for the next read. Only two things end
     * a chunk inside a line: the end of a {@code complete} log (its writer has finished), and a
     * line longer than {@code maxBytes}, which comes out in pieces.
     *
     * @throws IllegalArgumentException for a negative offset or a maxBytes below 4
     * @throws IOException when the log exists but cannot be read
     */
    public static Chunk readLines(Path log, long offset, int maxBytes, boolean complete)
            throws IOException {
        return read(log, offset, maxBytes, true, complete);
    }

    private static Chunk read(Path log, long offset, int maxBytes, boolean wholeLines,
            boolean complete) throws IOException {
        if (offset < 0 || maxBytes < 4) {
            throw new IllegalArgumentException("offset must be >= 0 and maxBytes >= 4");
        }
        if (!Files.exists(log)) {
            return new Chunk("", offset, 0);
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset >= size) {
                return new Chunk("", offset, size);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(maxBytes, size - offset));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // keep reading until the range is full or the file ends
            }
            buffer.flip();
            int length = buffer.limit();
            boolean endOfFile = offset + length >= size;
            if (wholeLines && !(endOfFile && complete)) {
                length = afterLastLineBreak(buffer, length, length == maxBytes);
            } else if (!endOfFile) {
                length = completeSequences(buffer, length);
            }
            buffer.limit(length);
            return new Chunk(decode(buffer), offset + length, size);
        }
    }

    /**
     * The length up to and with the last line break; without one, none at all, unless the
     * range is full, where a line longer than a range is cut at a whole UTF-8 sequence.
     * A 0x0A byte is never part of a longer UTF-8 sequence, so this cut never splits one.
     */
    private static int afterLastLineBreak(ByteBuffer buffer, int length, boolean full) {
        for (int i = length - 1; i >= 0; i--) {
            if (buffer.get(i) == '\n') {
                return i + 1;
            }
        }
        return full ? completeSequences(buffer, length) : 0;
    }

    /** Decodes bytes as UTF-8 with replacement characters for anything malformed. */
    public static String decode(ByteBuffer bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }

    private static int completeSequences(ByteBuffer buffer, int length) {
        for (int back = 1; back <= 3 && back <= length; back++) {
            int b = buffer.get(length - back) & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue;
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? length - back : length;
        }
        return length;
    }
}
