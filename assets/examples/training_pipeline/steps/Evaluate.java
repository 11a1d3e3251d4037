import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Scores the trained model on the test split and writes accuracy and the confusion matrix. */
public class Evaluate {

    public static void main(String[] args) throws IOException {
        double minAccuracy = Double.parseDouble(param("MIN_ACCURACY", "0.8"));
        System.out.printf("parameters: min_accuracy=%s%n", minAccuracy);

        Map<String, String> model = new HashMap<>();
        List<String> pointLabels = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(input("TRAIN_MODEL"), "model.txt"))) {
            String[] pair = line.split("=", 2);
            if (pair[0].equals("point")) {
                String[] labelled = pair[1].split(":", 2);
                pointLabels.add(labelled[0]);
                points.add(parse(labelled[1]));
            } else {
                model.put(pair[0], pair[1]);
            }
        }
        String type = model.get("type");
        int k = type.equals("knn") ? Integer.parseInt(model.get("k")) : 1;
        double[] mean = parse(model.get("mean"));
        double[] scale = parse(model.get("scale"));
        String profile = Files.readString(Path.of(input("PROFILE_DATA"), "profile.json"));
        System.out.printf("model %s (k=%d, %d points); profile of %d bytes%n",
                type, k, points.size(), profile.length());

        List<String> test = Files.readAllLines(Path.of(input("LOAD_DATA"), "test.csv"));
        TreeSet<String> classes = new TreeSet<>(pointLabels);
        List<String> order = new ArrayList<>(classes);
        int[][] confusion = new int[order.size()][order.size()];
        int correct = 0;
        for (String line : test.subList(1, test.size())) {
            String[] cells = line.split(",");
            double[] x = new double[4];
            for (int c = 0; c < 4; c++) {
                x[c] = (Double.parseDouble(cells[c]) - mean[c]) / scale[c];
            }
            String predicted = predict(x, points, pointLabels, k);
            confusion[order.indexOf(cells[4])][order.indexOf(predicted)]++;
            correct += predicted.equals(cells[4]) ? 1 : 0;
        }
        int total = test.size() - 1;
        double accuracy = total == 0 ? 0 : (double) correct / total;
        System.out.printf("accuracy %.4f (%d of %d)%n", accuracy, correct, total);
        for (int i = 0; i < order.size(); i++) {
            System.out.printf("  %-10s %s%n", order.get(i), Arrays.toString(confusion[i]));
        }

        Path out = Path.of(System.getenv("SNAPDECK_OUTPUT_DIR"), "metrics.json");
        Files.writeString(out, json(type, k, accuracy, correct, total, order, confusion), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
        if (accuracy < minAccuracy) {
            System.err.printf("accuracy %.4f is below min_accuracy %s%n", accuracy, minAccuracy);
            System.exit(1);
        }
    }

    private static String predict(double[] x, List<double[]> points, List<String> labels, int k) {
        Integer[] index = new Integer[points.size()];
        double[] distance = new double[points.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
            double[] p = points.get(i);
            for (int c = 0; c < 4; c++) {
                distance[i] += (p[c] - x[c]) * (p[c] - x[c]);
            }
        }
        Arrays.sort(index, Comparator.comparingDouble(i -> distance[i]));
        Map<String, Integer> votes = new HashMap<>();
        String best = labels.get(index[0]);
        for (int i = 0; i < Math.min(k, index.length); i++) {
            String label = labels.get(index[i]);
            int count = votes.merge(label, 1, Integer::sum);
            if (count > votes.getOrDefault(best, 0)) {
                best = label;
            }
        }
        return best;
    }

    private static String json(String type, int k, double accuracy, int correct, int total,
            List<String> order, int[][] confusion) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append(Arrays.toString(confusion[i]));
        }
        StringBuilder labels = new StringBuilder();
        for (String label : order) {
            labels.append(labels.length() == 0 ? "" : ", ").append('"').append(label).append('"');
        }
        return String.format(Locale.ROOT, "{\n  \"model_type\": \"%s\",\n  \"k\": %d,\n  \"accuracy\": %.6f,\n"
                + "  \"correct\": %d,\n  \"total\": %d,\n  \"labels\": [%s],\n  \"confusion_matrix\": [%s]\n}\n",
                type, k, accuracy, correct, total, labels, rows);
    }

    private static double[] parse(String text) {
        String[] parts = text.split(";");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
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
