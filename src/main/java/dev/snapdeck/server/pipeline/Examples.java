package dev.snapdeck.server.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example pipelines bundled on the class path under {@code dev/snapdeck/examples/} (Maven
 * copies {@code assets/examples/} there); {@code examples.list} names every bundled file so the
 * jar can be copied out without listing class-path folders.
 */
public final class Examples {

    /** Class-path folder of the bundled examples. */
    public static final String RESOURCE_ROOT = "dev/snapdeck/examples/";
    /** The list of bundled files, one path relative to {@link #RESOURCE_ROOT} per line. */
    public static final String LIST = "examples.list";

    private static final Logger LOG = LoggerFactory.getLogger(Examples.class);

    private Examples() {
    }

    /** The bundled files, as listed in {@code examples.list}. */
    public static List<String> bundledFiles() throws IOException {
        List<String> files = new ArrayList<>();
        for (String line : new String(resource(LIST), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                files.add(line.trim());
            }
        }
        return files;
    }

    /**
     * Copies the bundled examples into {@code pipelinesDir} when that folder is missing or empty;
     * otherwise leaves it alone. Runs on the calling thread.
     *
     * @return whether the examples were copied
     * @throws IOException when the folder cannot be written or a listed file is missing from the
     *     class path (a broken build)
     */
    public static boolean seed(Path pipelinesDir) throws IOException {
        if (Files.isDirectory(pipelinesDir) && !isEmpty(pipelinesDir)) {
            return false;
        }
        List<String> files = bundledFiles();
        for (String name : files) {
            Path target = pipelinesDir.resolve(name).normalize();
            if (!target.startsWith(pipelinesDir.normalize())) {
                throw new IOException("bundled example path leaves the pipelines folder: " + name);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, resource(name));
        }
        LOG.info("Seeded {} with {} example files", pipelinesDir, files.size());
        return true;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + name)) {
            if (in == null) {
                throw new IOException("bundled example file missing from the class path: " + RESOURCE_ROOT + name);
            }
            return in.readAllBytes();
        }
    }
}
