package dev.snapdeck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How a start-up benchmark's child tells its parent that it is ready: a file appears. */
public final class ReadyFile {

    private ReadyFile() {
    }

    public static void write(Path ready) {
        try {
            Files.writeString(ready, "ready");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
