package dev.snapdeck.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections saved at the same moment, as several CLI commands and the dashboard may save them
 * into one data folder: every one is kept with its secret, and no reader ever sees half a file.
 */
@Timeout(120)
class SharedFileConcurrencyTest {

    @TempDir
    Path folder;

    private final FileSecretStore secrets() {
        return new FileSecretStore(folder.resolve("secrets.json"));
    }

    private void assertEverySaved(List<String> names) {
        ProfileStore profiles = new ProfileStore(folder.resolve("profiles.json"), secrets());
        List<String> saved = profiles.profiles().stream().map(ConnectionProfile::name).sorted()
                .collect(Collectors.toList());
        assertEquals(names.stream().sorted().collect(Collectors.toList()), saved);
        for (String name : names) {
            assertEquals(Optional.of("secret-of-" + name), profiles.secret(name), name);
        }
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i)
                .collect(Collectors.toList());
    }

    @Test
    void storesOfOneProcessSavingAtOnceKeepEveryConnection() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> saving = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int thread = 0; thread < 6; thread++) {
            String prefix = "thread" + thread;
            expected.addAll(names(prefix, 8));
            saving.add(pool.submit(() -> SaveConnections.save(folder, prefix, 8)));
        }

        for (Future<?> save : saving) {
            save.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEverySaved(expected);
    }

    @Test
    void processesSavingAtOnceKeepEveryConnection() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Process> processes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int process = 0; process < 4; process++) {
            String prefix = "process" + process;
            expected.addAll(names(prefix, 6));
            processes.add(new ProcessBuilder(java.toString(), "-cp",
                    System.getProperty("java.class.path"), SaveConnections.class.getName(),
                    folder.toString(), prefix, "6").redirectErrorStream(true)
                    .redirectOutput(folder.resolve(prefix + ".log").toFile()).start());
        }

        for (Process process : processes) {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "a saving process hung");
            assertEquals(0, process.exitValue(), () -> log(process, processes));
        }

        assertEverySaved(expected);
    }

    private String log(Process failed, List<Process> processes) {
        try {
            return Files.readString(folder.resolve("process" + processes.indexOf(failed)
                    + ".log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
