import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/** Reads data/iris.csv, checks every row, and writes a stratified train/test split. */
public class LoadData {

    private static final String HEADER = "sepal_length,sepal_width,petal_length,petal_width,species";

    public static void main(String[] args) throws IOException {
        double testFraction = Double.parseDouble(param("TEST_FRACTION", "0.3"));
        boolean shuffle = Boolean.parseBoolean(param("SHUFFLE", "true"));
        long seed = Long.parseLong(param("SEED", "42"));
        System.out.printf("parameters: test_fraction=%s shuffle=%s seed=%d%n", testFraction, shuffle, seed);

        Path data = Path.of(System.getenv().getOrDefault("SNAPDECK_CODE_DIR", "."), "data", "iris.csv");
        TreeMap<String, List<String>> bySpecies = readRows(data);
        System.out.printf("read %d species from %s%n", bySpecies.size(), data);

        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        Random random = new Random(seed);
        for (var entry : bySpecies.entrySet()) {
            List<String> rows = new ArrayList<>(entry.getValue());
            if (shuffle) {
                Collections.shuffle(rows, random);
            }
            int held = (int) Math.round(rows.size() * testFraction);
            test.addAll(rows.subList(0, held));
            train.addAll(rows.subList(held, rows.size()));
            System.out.printf("  %-10s %3d rows: %3d train, %3d test%n",
                    entry.getKey(), rows.size(), rows.size() - held, held);
        }

        Path out = Path.of(System.getenv().getOrDefault("SNAPDECK_OUTPUT_DIR", "outputs"));
        Files.createDirectories(out);
        write(out.resolve("train.csv"), train);
        write(out.resolve("test.csv"), test);
        System.out.printf("wrote %d training and %d test rows to %s%n", train.size(), test.size(), out);
    }

    private static TreeMap<String, List<String>> readRows(Path data) throws IOException {
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
            throw new IllegalStateException(data + ":1: expected header " + HEADER);
        }
        TreeMap<String, List<String>> bySpecies = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 5) {
                throw new IllegalStateException(data + ":" + (i + 1) + ": expected 5 columns, got " + cells.length);
            }
            for (int c = 0; c < 4; c++) {
                Double.parseDouble(cells[c]);
            }
            bySpecies.computeIfAbsent(cells[4], k -> new ArrayList<>()).add(line);
        }
        return bySpecies;
    }

    private static void write(Path file, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(rows);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String param(String name, String fallback) {
        String value = System.getenv("SNAPDECK_PARAM_" + name);
        return value == null ? fallback : value;
    }
}
