package dev.snapdeck.server.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed code archives: a folder becomes a deterministic zip (entries sorted by path,
 * one fixed timestamp, no directory entries) stored as {@code <archiveRoot>/<sha256>.zip}; the
 * sha256 of the zip bytes is its id, so the same content always gives the same id. All methods
 * run on the calling thread and do blocking file I/O.
 */
public final class CodeArchive {

    private static final Logger LOG = LoggerFactory.getLogger(CodeArchive.class);
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    private CodeArchive() {
    }

    /**
     * Archives every regular file under {@code folder} and returns the archive's id.
     *
     * @throws IOException when the folder cannot be read, holds a symbolic link (refused, so an
     *     archive never points outside its folder), or the archive cannot be written
     */
    public static String store(Path folder, Path archiveRoot) throws IOException {
        List<String> names = listFiles(folder);
        Files.createDirectories(archiveRoot);
        Path temp = Files.createTempFile(archiveRoot, "archive-", ".tmp");
        try {
            MessageDigest digest = sha256();
            try (OutputStream file = Files.newOutputStream(temp);
                 ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(file, digest))) {
                for (String name : names) {
                    ZipEntry entry = new ZipEntry(name);
                    entry.setTimeLocal(FIXED_TIME);
                    zip.putNextEntry(entry);
                    Files.copy(folder.resolve(name), zip);
                    zip.closeEntry();
                }
            }
            String id = HexFormat.of().formatHex(digest.digest());
            Path target = archiveRoot.resolve(id + ".zip");
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            LOG.debug("Stored {} ({} files) as code archive {}", folder, names.size(), id);
            return id;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file holding archive {@code id}; it may not exist. */
    public static Path path(String id, Path archiveRoot) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a code archive id: '" + id + "'");
        }
        return archiveRoot.resolve(id + ".zip");
    }

    /**
     * Unpacks archive {@code id} into {@code target} (created if needed).
     *
     * @throws IOException when the archive is missing, its bytes no longer match its id, or an
     *     entry would land outside {@code target} (a {@code ..} segment, an absolute path, a
     *     drive letter, or a symbolic link on the way); nothing outside {@code target} is written
     */
    public static void extract(String id, Path archiveRoot, Path target) throws IOException {
        Path archive = path(id, archiveRoot);
        if (!Files.isRegularFile(archive)) {
            throw new IOException("no code archive " + id + " in " + archiveRoot);
        }
        String actual = hash(archive);
        if (!actual.equals(id)) {
            throw new IOException("code archive " + archive + " is damaged: its content hashes to " + actual);
        }
        Files.createDirectories(target);
        Path root = target.toRealPath();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                extractEntry(zip, entries.nextElement(), root, archive);
            }
        }
    }

    /** The sha256 (lower-case hex) of a file's bytes. */
    public static String hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void extractEntry(ZipFile zip, ZipEntry entry, Path root, Path archive) throws IOException {
        Path destination = safeDestination(entry.getName(), root, archive);
        if (entry.isDirectory()) {
            Files.createDirectories(destination);
            return;
        }
        Files.createDirectories(destination.getParent());
        if (!destination.getParent().toRealPath().startsWith(root)) {
            throw new IOException(archive + ": entry '" + entry.getName() + "' leads through a link outside "
                    + root);
        }
        if (Files.isSymbolicLink(destination)) {
            throw new IOException(archive + ": entry '" + entry.getName() + "' would overwrite a link");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path safeDestination(String name, Path root, Path archive) throws IOException {
        String normalized = name.replace('\\', '/');
        boolean absolute = normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*");
        boolean climbs = List.of(normalized.split("/")).contains("..");
        Path destination = root.resolve(normalized).normalize();
        if (absolute || climbs || normalized.isEmpty() || !destination.startsWith(root)) {
            throw new IOException(archive + ": entry '" + name + "' would be written outside " + root);
        }
        return destination;
    }

    /**
     * Why {@link #store} would refuse {@code folder}, or empty when it would not: a symbolic link
     * anywhere inside it, named by its path relative to the folder.
     *
     * @throws IOException when the folder cannot be read
     */
    public static Optional<String> problemWith(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isSymbolicLink).findFirst()
                    .map(link -> "the folder holds a symbolic link, which a snapshot cannot archive: "
                            + folder.relativize(link).toString().replace('\\', '/'));
        }
    }

    private static List<String> listFiles(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    throw new IOException("refusing to archive symbolic link " + path);
                }
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(folder.relativize(path).toString().replace('\\', '/'));
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
