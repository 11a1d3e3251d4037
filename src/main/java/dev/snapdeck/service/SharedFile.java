package dev.snapdeck.service;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.snapdeck.OwnerOnly;

/**
 * A small file that several processes change (the dashboard and any number of CLI commands keep
 * their connections and secrets in one data folder): changes are made one at a time, each under
 * a lock on a sibling {@code .lock} file that every process respects, and every write replaces
 * the file whole, so a reader sees the file before a change or after it, never half of it.
 */
final class SharedFile {

    /** Writes the new content into {@code temporary}, which then takes the file's place. */
    interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    /**
     * The locks this process holds, by file: the operating system's lock belongs to the process,
     * so threads of one process take turns here first (a second lock of the same file from the
     * same process would fail rather than wait).
     */
    private static final ConcurrentMap<Path, ReentrantLock> HELD_HERE = new ConcurrentHashMap<>();

    /** Longer than any read, change and write of a small file, even on a slow disk. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final long RETRY_MILLIS = 20;

    private final Path file;
    private final String what;
    private final Duration lockWait;

    /** {@code what} names the file in errors: "connections file". */
    SharedFile(Path file, String what) {
        this(file, what, LOCK_WAIT);
    }

    SharedFile(Path file, String what, Duration lockWait) {
        this.file = file.toAbsolutePath().normalize();
        this.what = what;
        this.lockWait = lockWait;
    }

    /**
     * Runs {@code change} (a read, change and write of the file) while holding the file's lock,
     * waiting for other processes and threads that hold it. Within {@code change}, this thread
     * may change the file again.
     *
     * @throws UncheckedIOException when the lock cannot be taken, saying which file
     */
    void change(Runnable change) {
        ReentrantLock here = HELD_HERE.computeIfAbsent(file, path -> new ReentrantLock());
        here.lock();
        try {
            if (here.getHoldCount() > 1) {
                change.run();
                return;
            }
            // The data folder holds connections and perhaps their secrets: only its owner's.
            OwnerOnly.createFolder(file.getParent());
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            // Owner-only too: another user who could open it could hold it, and every change wait.
            OwnerOnly.file(lock);
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                // Released when the channel closes, also when the process dies holding it.
                awaitLock(channel, lock);
                change.run();
            }
        } catch (IOException e) {
            throw cannotWrite(e);
        } finally {
            here.unlock();
        }
    }

    /** Takes the lock, waiting at most {@link #lockWait} for another process to let it go. */
    private void awaitLock(FileChannel channel, Path lock) throws IOException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        while (channel.tryLock() == null) {
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("another process has held " + lock + " for over "
                        + lockWait.toMillis() / 1000.0 + " s; try again, and if it keeps it, end "
                        + "that process");
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + lock);
            }
        }
    }

    /**
     * Replaces the file with what {@code content} writes into a new temporary sibling, moved over
     * the file in one step. Only within {@link #change}: the lock makes this the only writer, so
     * the temporary file can have one name (a writer that died may have left it behind).
     */
    void replace(Content content) {
        ReentrantLock here = HELD_HERE.get(file);
        if (here == null || !here.isHeldByCurrentThread()) {
            throw new IllegalStateException("The file " + file + " is written outside a change");
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            // Owner-only from its creation: a reader that opened it any later could keep reading.
            OwnerOnly.newFile(temporary);
            try {
                content.writeTo(temporary);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private UncheckedIOException cannotWrite(IOException e) {
        return new UncheckedIOException("Cannot write the " + what + " " + file + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
}
