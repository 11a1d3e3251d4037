import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Fits a classifier on the training split. The model file holds the feature scaling and either
 * the class centroids (nearest_centroid) or every training row (knn, which is lazy).
 */
public class TrainModel {

    public static void main(String[] args) throws IOException {
        String modelType = param("MODEL_TYPE", "knn");
        int k = Integer.parseInt(param("K", "5"));
        boolean normalize = Boolean.parseBoolean(param("NORMALIZE", "true"));
        System.out.printf("parameters: model_type=%s k=%d normalize=%s%n", modelType, k, normalize);

        Path input = Path.of(input("LOAD_DATA"), "train.csv");
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        List<double[]> features = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double[] row = new double[4];
            for (int c = 0; c < 4; c++) {
                row[c] = Double.parseDouble(cells[c]);
            }
            features.add(row);
            labels.add(cells[4]);
        }
        System.out.printf("training on %d rows from %s%n", features.size(), input);

        double[] mean = new double[4];
        double[] scale = {1, 1, 1, 1};
        if (normalize) {
            for (double[] row : features) {
                for (int c = 0; c < 4; c++) {
                    mean[c] += row[c] / features.size();
                }
            }
            for (int c = 0; c < 4; c++) {
                double sum = 0;
                for (double[] row : features) {
                    sum += (row[c] - mean[c]) * (row[c] - mean[c]);
                }
                scale[c] = Math.sqrt(sum / features.size());
            }
        }

        List<String> model = new ArrayList<>();
        model.add("type=" + modelType);
        model.add("k=" + k);
        model.add("mean=" + join(mean));
        model.add("scale=" + join(scale));
        if (modelType.equals("nearest_centroid")) {
            TreeMap<String, double[]> sums = new TreeMap<>();
            TreeMap<String, Integer> counts = new TreeMap<>();
            for (int i = 0; i < features.size(); i++) {
                double[] sum = sums.computeIfAbsent(labels.get(i), l -> new double[4]);
                for (int c = 0; c < 4; c++) {
                    sum[c] += (features.get(i)[c] - mean[c]) / scale[c];
                }
                counts.merge(labels.get(i), 1, Integer::sum);
            }
            for (var entry : sums.entrySet()) {
                double[] centroid = entry.getValue();
                for (int c = 0; c < 4; c++) {
                    centroid[c] /= counts.get(entry.getKey());
                }
                model.add("point=" + entry.getKey() + ":" + join(centroid));
                System.out.printf("  centroid %-10s %s%n", entry.getKey(), join(centroid));
            }
        } else if (modelType.equals("knn")) {
            for (int i = 0; i < features.size(); i++) {
                double[] scaled = new double[4];
                for (int c = 0; c < 4; c++) {
                    scaled[c] = (features.get(i)[c] - mean[c]) / scale[c];
                }
                model.add("point=" + labels.get(i) + ":" + join(scaled));
            }
        } else {
            System.err.println("unknown model_type " + modelType + " (expected knn or nearest_centroid)");
            System.exit(2);
        }

        Path out = Path.of(System.getenv("SNAPDECK_OUTPUT_DIR"), "model.txt");
        Files.write(out, model, StandardCharsets.UTF_8);
        System.out.printf("wrote %s model with %d points to %s%n", modelType, model.size() - 4, out);
    }

    private static String join(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.6f", value));
        }
        return text.toString();
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
