package dev.snapdeck.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesTest {

    private static final Path ASSETS = Path.of("assets/examples");

    @TempDir
    Path temp;

    @Test
    void listNamesEveryFileOfTheExamplesFolder() throws Exception {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(ASSETS)) {
            onDisk = files.filter(Files::isRegularFile).map(path -> ASSETS.relativize(path).toString()
                    .replace('\\', '/')).filter(name -> !name.equals(Examples.LIST)).sorted().toList();
        }

        List<String> listed = Examples.bundledFiles().stream().sorted().toList();

        assertEquals(onDisk, listed);
    }

    @Test
    void seedsANewFolderWithLoadablePipelines() throws Exception {
        Path pipelines = temp.resolve("pipelines");

        boolean seeded = Examples.seed(pipelines);

        assertTrue(seeded);
        assertEquals("training_pipeline", PipelineDefinition.load(pipelines.resolve("training_pipeline")).name());
        assertArrayEquals(Files.readAllBytes(ASSETS.resolve("training_pipeline/data/iris.csv")),
                Files.readAllBytes(pipelines.resolve("training_pipeline/data/iris.csv")));
    }

    @Test
    void leavesAFolderWithContentAlone() throws Exception {
        Files.writeString(temp.resolve("mine.txt"), "keep");

        boolean seeded = Examples.seed(temp);

        assertFalse(seeded);
        assertFalse(Files.exists(temp.resolve("training_pipeline")));
    }

    @Test
    void irisDataHasFiftyRowsPerSpeciesAndTheKnownMeans() throws Exception {
        List<String> rows = Files.readAllLines(ASSETS.resolve("training_pipeline/data/iris.csv"));
        List<String[]> cells = rows.subList(1, rows.size()).stream().map(row -> row.split(",")).toList();

        double sepalLengthMean = cells.stream().mapToDouble(c -> Double.parseDouble(c[0])).average().orElseThrow();
        double petalWidthMean = cells.stream().mapToDouble(c -> Double.parseDouble(c[3])).average().orElseThrow();

        assertEquals(150, cells.size());
        for (String species : List.of("setosa", "versicolor", "virginica")) {
            assertEquals(50, cells.stream().filter(c -> c[4].equals(species)).count(), species);
        }
        assertEquals(5.843, sepalLengthMean, 0.0005);
        assertEquals(1.199, petalWidthMean, 0.0005);
    }
}
