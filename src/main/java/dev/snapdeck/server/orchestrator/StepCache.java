package dev.snapdeck.server.orchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Step results kept under {@code <cacheRoot>/<key>/} ({@code outputs/} and the original
 * {@code step.log}). An entry appears atomically, so a half-written entry is never a hit.
 */
final class StepCache {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Path root;

    StepCache(Path root) {
        this.root = root;
    }

    /** sha256 of the code, the command, the parameters (keys sorted) and the upstream keys. */
    static String key(String codeHash, List<String> command, JsonNode parameters, Map<String, String> upstreamKeys)
            throws IOException {
        MessageDigest digest = sha256();
        update(digest, "code", codeHash);
        update(digest, "command", CANONICAL.writeValueAsString(command));
        Object sorted = CANONICAL.treeToValue(parameters, Object.class);
        update(digest, "parameters", CANONICAL.writeValueAsString(sorted));
        for (Map.Entry<String, String> upstream : new TreeMap<>(upstreamKeys).entrySet()) {
            update(digest, "upstream " + upstream.getKey(), upstream.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** sha256 over every file's relative path and content under {@code folder}, in path order. */
    static String folderHash(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(Files::isRegularFile).forEach(files::add);
        }
        files.sort(Comparator.comparing(path -> folder.relativize(path).toString().replace('\\', '/')));
        MessageDigest digest = sha256();
        byte[] buffer = new byte[65536];
        for (Path file : files) {
            update(digest, "file", folder.relativize(file).toString().replace('\\', '/'));
            try (InputStream in = Files.newInputStream(file)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Copies a cached entry's outputs into {@code outputs}; false when there is no entry. */
    boolean restore(String key, Path outputs, Path log) throws IOException {
        Path entry = root.resolve(key);
        if (!Files.isDirectory(entry.resolve("outputs"))) {
            return false;
        }
        copyTree(entry.resolve("outputs"), outputs);
        String note = "[snapdeck] cached: outputs reused from cache entry " + key
                + "; the log of the run that made them follows\n";
        Files.write(log, note.getBytes(StandardCharsets.UTF_8));
        if (Files.exists(entry.resolve("step.log"))) {
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                Files.copy(entry.resolve("step.log"), out);
            }
        }
        return true;
    }

    /** Keeps {@code outputs} and {@code log} under {@code key}; an existing entry is kept as is. */
    void store(String key, Path outputs, Path log) throws IOException {
        Path entry = root.resolve(key);
        if (Files.isDirectory(entry)) {
            return;
        }
        Files.createDirectories(root);
        Path staging = root.resolve(".staging-" + UUID.randomUUID());
        copyTree(outputs, staging.resolve("outputs"));
        Files.copy(log, staging.resolve("step.log"));
        try {
            Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteTree(staging);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static void update(MessageDigest digest, String label, String value) {
        digest.update((label + "=" + value.length() + ":" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
