package dev.snapdeck;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Snapdeck's files to their owner: the data folder holds the connections and, without a
 * keychain, their secrets; the server's folder its database (password and key hashes, live
 * tokens' digests) and the runs' logs and outputs. New ones are created owner-only; the server's
 * folder and database, if left readable by an older version or a loose umask, are tightened, with
 * a log line saying so.
 *
 * <p>On file systems without POSIX permissions (Windows) this does nothing: there the user's
 * profile folder's ACL already keeps other users out.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> OWNER_ALL = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} (and its parents) or tightens it: rwx for the owner only.
     *
     * @throws IOException saying which folder and why in words: a file in its place, no
     *     permission, a parent that is a file
     */
    public static void folder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir.toAbsolutePath() + " is a file, not a folder: move it away "
                    + "or choose another data folder");
        }
        try {
            createFolder(dir);
            if (posix()) {
                tighten(dir);
            }
        } catch (FileSystemException e) {
            throw new IOException("Cannot use the folder " + dir.toAbsolutePath() + ": "
                    + inWords(e), e);
        }
    }

    /**
     * Creates {@code dir} owner-only if it is missing (its missing parent too, as the data folder
     * that holds it); an existing folder is left as it is, being the user's to choose.
     */
    public static void createFolder(Path dir) throws IOException {
        if (!posix()) {
            Files.createDirectories(dir);
            return;
        }
        create(dir);
    }

    private static void create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path absolute = dir.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Path grandparent = parent.getParent();
            if (grandparent != null) {
                Files.createDirectories(grandparent);
            }
            createOneOwnerOnly(parent);
        }
        createOneOwnerOnly(absolute);
    }

    /** Another process may create the same folder at the same moment; either way it is there. */
    private static void createOneOwnerOnly(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ALL));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /**
     * Creates the new, empty {@code file}, readable and writable by its owner from the start, so
     * that nobody else can open it before what is written into it is private.
     *
     * @throws FileAlreadyExistsException if it exists
     */
    public static void newFile(Path file) throws IOException {
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        } else {
            Files.createFile(file);
        }
    }

    /** What went wrong, for a person: Java names some of these only by the path. */
    private static String inWords(FileSystemException e) {
        String where = e.getFile() == null || e.getFile().equals(e.toString()) ? ""
                : " (" + e.getFile() + ")";
        if (e instanceof AccessDeniedException) {
            return "permission denied" + where;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way" + where;
        }
        if (e instanceof NotDirectoryException) {
            return "a file is in the way of a parent folder" + where;
        }
        return (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()) + where;
    }

    /**
     * Creates {@code file} empty if missing (another process may do so at the same moment);
     * either way, readable and writable by its owner only.
     */
    public static void file(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                newFile(file);
            } catch (FileAlreadyExistsException e) {
                // Made by another process just now, owner-only as well.
            }
        }
        if (posix()) {
            tighten(file);
        }
    }

    /** Takes group and other permissions off {@code path} if it exists. */
    public static void tightenIfPresent(Path path) throws IOException {
        if (posix() && Files.exists(path)) {
            tighten(path);
        }
    }

    private static void tighten(Path path) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
        Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : now) {
            if (permission.name().startsWith("OWNER_")) {
                ownerOnly.add(permission);
            }
        }
        if (ownerOnly.equals(now)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, ownerOnly);
            log().info("{} was open to other users ({}); made it owner-only ({})", path,
                    PosixFilePermissions.toString(now), PosixFilePermissions.toString(ownerOnly));
        } catch (IOException e) {
            // Someone else's folder we may write to: not ours to lock, and no reason not to start.
            log().warn("{} is open to other users ({}) and could not be made owner-only: {}", path,
                    PosixFilePermissions.toString(now), e.getMessage());
        }
    }

    /**
     * Asked for only when there is something to log: the dashboard creates its data folder before
     * choosing its logging configuration, and a logger asked for earlier would start logging with
     * the default one.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(OwnerOnly.class);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
