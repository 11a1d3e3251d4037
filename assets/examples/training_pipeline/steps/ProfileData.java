import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Per-species count, mean, minimum and maximum of every feature in the training split. */
public class ProfileData {

    private static final String[] FEATURES = {"sepal_length", "sepal_width", "petal_length", "petal_width"};

    public static void main(String[] args) throws IOException {
        int decimals = Integer.parseInt(param("DECIMALS", "3"));
        System.out.printf("parameters: decimals=%d%n", decimals);

        Path input = Path.of(input("LOAD_DATA"), "train.csv");
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        TreeMap<String, double[][]> stats = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double[][] s = stats.computeIfAbsent(cells[4], l -> newStats());
            s[3][0]++;
            for (int c = 0; c < 4; c++) {
                double value = Double.parseDouble(cells[c]);
                s[0][c] += value;
                s[1][c] = Math.min(s[1][c], value);
                s[2][c] = Math.max(s[2][c], value);
            }
        }

        String format = "%." + decimals + "f";
        StringBuilder json = new StringBuilder("{\n  \"rows\": " + (lines.size() - 1) + ",\n  \"species\": {");
        String separator = "\n";
        for (var entry : stats.entrySet()) {
            double[][] s = entry.getValue();
            int count = (int) s[3][0];
            json.append(separator).append("    \"").append(entry.getKey()).append("\": {\"count\": ").append(count);
            for (int c = 0; c < 4; c++) {
                json.append(", \"").append(FEATURES[c]).append("\": {\"mean\": ")
                        .append(String.format(Locale.ROOT, format, s[0][c] / count))
                        .append(", \"min\": ").append(String.format(Locale.ROOT, format, s[1][c]))
                        .append(", \"max\": ").append(String.format(Locale.ROOT, format, s[2][c])).append("}");
            }
            json.append("}");
            separator = ",\n";
            System.out.printf("  %-10s n=%d mean petal_length=" + format + "%n",
                    entry.getKey(), count, s[0][2] / count);
        }
        json.append("\n  }\n}\n");

        Path out = Path.of(System.getenv("SNAPDECK_OUTPUT_DIR"), "profile.json");
        Files.writeString(out, json, StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    private static double[][] newStats() {
        double inf = Double.POSITIVE_INFINITY;
        return new double[][] {{0, 0, 0, 0}, {inf, inf, inf, inf}, {-inf, -inf, -inf, -inf}, {0}};
    }

    private static String input(String upstream) {
        String folder = System.getenv("SNAPDECK_INPUT_" + upstream);
        if (folder == null) {
            throw new IllegalStateException("SNAPDECK_INPUT_" + upstream + " is not set: list "
                    + upstream.toLowerCase() + " under this step's 'after' in pipeline.yaml");
        }
        return folder;
    }

    private static String param(String name, String fallback) {
        String value = System.getenv("SNAPDECK_PARAM_" + name);
        return value == null ? fallback : value;
    }
}
