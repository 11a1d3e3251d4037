package dev.snapdeck.server;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.snapdeck.OwnerOnly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server per data folder: two servers on one database would each reconcile the other's
 * running runs as failed. The lock is an OS file lock, so it goes away with a killed process; the
 * {@code server.json} beside it tells other processes (CLI, dashboard) where the holder listens.
 * A killed server leaves that file behind, so it is only worth believing while the lock is held
 * ({@link #isHeld}); the next holder removes it before anything else.
 */
public final class DataFolderLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolderLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file in the data folder that says where the running server listens. */
    public static final String SERVER_FILE = "server.json";
    private static final String LOCK_FILE = "server.lock";
    /**
     * The lock files this process holds. On POSIX systems closing any channel on a locked file
     * drops every lock this process has on it, so a folder held here is never opened again here
     * until it is released (guarded by the class).
     */
    private static final Set<Path> HELD_HERE = new HashSet<>();

    private final Path dataDir;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path dataDir, Path lockFile, FileChannel channel, FileLock lock) {
        this.dataDir = dataDir;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data folder for this process and removes the {@code server.json} a killed holder
     * left, so that until {@link #advertise} nobody is sent to the old address.
     *
     * @throws AlreadyRunningException when another server holds it
     */
    static synchronized DataFolderLock acquire(Path dataDir) throws IOException {
        OwnerOnly.folder(dataDir);
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (heldHere(lockFile)) {
            throw new AlreadyRunningException(dataDir, runningAt(dataDir));
        }
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new AlreadyRunningException(dataDir, runningAt(dataDir));
        }
        DataFolderLock held = new DataFolderLock(dataDir, lockFile.toRealPath(), channel, lock);
        HELD_HERE.add(held.lockFile);
        try {
            Files.deleteIfExists(dataDir.resolve(SERVER_FILE));
        } catch (IOException e) {
            held.close();
            throw e;
        }
        return held;
    }

    /**
     * Whether a server holds {@code dataDir} now, in this process or another. When none does, the
     * lock is taken and released at once (shared, so a reader of the folder can ask too).
     *
     * @throws IOException when the lock file cannot be opened (another user's folder)
     */
    public static synchronized boolean isHeld(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (heldHere(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static boolean heldHere(Path lockFile) throws IOException {
        return Files.exists(lockFile) && HELD_HERE.contains(lockFile.toRealPath());
    }

    /** Where the server that holds {@code dataDir} listens, if one says so. */
    public static Optional<URI> runningAt(Path dataDir) {
        Path file = dataDir.resolve(SERVER_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode url = JSON.readTree(file.toFile()).path("url");
            return url.isTextual() ? Optional.of(URI.create(url.asText())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Unreadable {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    void advertise(URI url) throws IOException {
        ObjectNode file = JSON.createObjectNode();
        file.put("url", url.toString());
        file.put("pid", ProcessHandle.current().pid());
        Files.writeString(dataDir.resolve(SERVER_FILE), file.toString());
    }

    /**
     * Stops telling other processes where this server listens, before it stops listening: a
     * program that took the freed port while the lock was still held would otherwise pass for
     * this server.
     */
    void withdraw() {
        try {
            Files.deleteIfExists(dataDir.resolve(SERVER_FILE));
        } catch (IOException e) {
            LOG.warn("Could not remove {}", dataDir.resolve(SERVER_FILE), e);
        }
    }

    @Override
    public void close() {
        synchronized (DataFolderLock.class) {
            HELD_HERE.remove(lockFile);
            try {
                Files.deleteIfExists(dataDir.resolve(SERVER_FILE));
                lock.release();
                channel.close();
            } catch (IOException e) {
                LOG.warn("Could not release the data folder {}", dataDir, e);
            }
        }
    }

    /** Another server already uses the data folder. */
    public static final class AlreadyRunningException extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient Optional<URI> url;

        AlreadyRunningException(Path dataDir, Optional<URI> url) {
            super("Another Snapdeck server is using the data folder " + dataDir
                    + url.map(u -> " (it listens on " + u + ")").orElse("")
                    + ". Stop it, or use another data folder.");
            this.url = url;
        }

        /** Where the other server listens, when it said so. */
        public Optional<URI> url() {
            return url;
        }
    }
}
