package dev.snapdeck.server.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads pipeline.yaml through SnakeYAML's node tree, which keeps every node's position. */
final class PipelineYamlReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Far above any real pipeline file; parsing a file of megabytes would hold up the folder listing. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "run_name", "steps");
    private static final Set<String> STEP_KEYS = Set.of("description", "run", "after", "timeout",
            "retry", "enable_cache", "parameters");
    private static final Set<String> RETRY_KEYS = Set.of("max_retries", "delay", "backoff");
    private static final Set<String> PARAMETER_KEYS = Set.of("type", "default", "enum", "minimum",
            "maximum", "description");

    private final Path file;

    PipelineYamlReader(Path file) {
        this.file = file;
    }

    PipelineDefinition read(Path folder) throws PipelineFormatException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new PipelineFormatException(file, 0, 0, "no " + file.getFileName() + " in " + folder);
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new PipelineFormatException(file, 0, 0, "the file is " + size + " bytes; a pipeline file may "
                    + "have at most " + MAX_FILE_BYTES + " bytes");
        }
        MappingNode root = mapping(parse(), "the pipeline");
        Map<String, NodeTuple> top = entries(root, TOP_KEYS, "pipeline");

        String name = requiredString(root, top, "name");
        if (!NAME.matcher(name).matches()) {
            throw error(top.get("name").getValueNode(), "name must match [A-Za-z0-9_-]+, got '" + name + "'");
        }
        String description = optionalString(top.get("description"));
        String runName = optionalString(top.get("run_name"));
        if (runName != null) {
            Optional<String> unknown = RunNameTemplate.unknownPlaceholder(runName, List.of());
            if (unknown.isPresent()) {
                throw error(top.get("run_name").getValueNode(), RunNameTemplate.problem(runName, unknown.get()));
            }
        }
        if (!top.containsKey("steps")) {
            throw error(root, "missing 'steps'");
        }
        List<StepDefinition> steps = readSteps(mapping(top.get("steps").getValueNode(), "steps"));
        return new PipelineDefinition(name, description, runName, steps, folder);
    }

    private Node parse() throws PipelineFormatException, IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node node = new Yaml(new LoaderOptions()).compose(reader);
            if (node == null) {
                throw new PipelineFormatException(file, 1, 1, "the file is empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            throw new PipelineFormatException(file, line, column, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new PipelineFormatException(file, 0, 0, "not valid YAML: " + e.getMessage());
        }
    }

    private List<StepDefinition> readSteps(MappingNode stepsNode) throws PipelineFormatException {
        Map<String, NodeTuple> raw = entries(stepsNode, null, "steps");
        if (raw.isEmpty()) {
            throw error(stepsNode, "a pipeline needs at least one step");
        }
        List<StepDefinition> steps = new ArrayList<>();
        Map<String, Node> afterNodes = new HashMap<>();
        Map<String, String> seenSteps = new HashMap<>();
        for (Map.Entry<String, NodeTuple> entry : raw.entrySet()) {
            if (!STEP_NAME.matcher(entry.getKey()).matches()) {
                throw error(entry.getValue().getKeyNode(), "step name must match [A-Za-z][A-Za-z0-9_]*, got '"
                        + entry.getKey() + "'");
            }
            refuseCaseCollision(seenSteps, entry, "step");
            steps.add(readStep(entry.getKey(), entry.getValue().getValueNode(), afterNodes));
        }
        checkGraph(steps, afterNodes);
        return steps;
    }

    private StepDefinition readStep(String name, Node node, Map<String, Node> afterNodes)
            throws PipelineFormatException {
        MappingNode step = mapping(node, "step '" + name + "'");
        Map<String, NodeTuple> keys = entries(step, STEP_KEYS, "step '" + name + "'");
        if (!keys.containsKey("run")) {
            throw error(step, "step '" + name + "' has no 'run' command");
        }
        List<String> run = stringList(keys.get("run").getValueNode(), "run");
        if (run.isEmpty()) {
            throw error(keys.get("run").getValueNode(), "step '" + name + "': 'run' must not be empty");
        }
        List<String> after = List.of();
        if (keys.containsKey("after")) {
            afterNodes.put(name, keys.get("after").getValueNode());
            after = stringList(keys.get("after").getValueNode(), "after");
        }
        Duration timeout = null;
        if (keys.containsKey("timeout")) {
            Node timeoutNode = keys.get("timeout").getValueNode();
            double seconds = number(timeoutNode, "timeout");
            if (seconds <= 0) {
                throw error(timeoutNode, "timeout must be a positive number of seconds");
            }
            timeout = Duration.ofMillis(Math.round(seconds * 1000));
        }
        RetryPolicy retry = keys.containsKey("retry") ? readRetry(keys.get("retry").getValueNode()) : RetryPolicy.NONE;
        boolean cache = !keys.containsKey("enable_cache") || bool(keys.get("enable_cache").getValueNode());
        List<ParameterDefinition> parameters = keys.containsKey("parameters")
                ? readParameters(mapping(keys.get("parameters").getValueNode(), "parameters")) : List.of();
        return new StepDefinition(name, optionalString(keys.get("description")), run, after,
                parameters, timeout, retry, cache);
    }

    private RetryPolicy readRetry(Node node) throws PipelineFormatException {
        Map<String, NodeTuple> keys = entries(mapping(node, "retry"), RETRY_KEYS, "retry");
        int maxRetries = 0;
        double delay = 0;
        double backoff = 0;
        if (keys.containsKey("max_retries")) {
            maxRetries = (int) nonNegative(keys.get("max_retries").getValueNode(), "max_retries", true);
        }
        if (keys.containsKey("delay")) {
            delay = nonNegative(keys.get("delay").getValueNode(), "delay", false);
        }
        if (keys.containsKey("backoff")) {
            backoff = nonNegative(keys.get("backoff").getValueNode(), "backoff", false);
        }
        return new RetryPolicy(maxRetries, Duration.ofMillis(Math.round(delay * 1000)), backoff);
    }

    private double nonNegative(Node node, String what, boolean integral) throws PipelineFormatException {
        JsonNode value = scalarValue(node);
        if (!value.isNumber() || (integral && !value.isIntegralNumber()) || value.doubleValue() < 0) {
            throw error(node, what + " must be a non-negative " + (integral ? "integer" : "number"));
        }
        return value.doubleValue();
    }

    private List<ParameterDefinition> readParameters(MappingNode node) throws PipelineFormatException {
        List<ParameterDefinition> parameters = new ArrayList<>();
        Map<String, String> seenParameters = new HashMap<>();
        for (Map.Entry<String, NodeTuple> entry : entries(node, null, "parameters").entrySet()) {
            if (!STEP_NAME.matcher(entry.getKey()).matches()) {
                throw error(entry.getValue().getKeyNode(), "parameter name must match [A-Za-z][A-Za-z0-9_]*");
            }
            refuseCaseCollision(seenParameters, entry, "parameter");
            parameters.add(readParameter(entry.getKey(), entry.getValue().getValueNode()));
        }
        return parameters;
    }

    /**
     * Names become upper-cased environment variables (SNAPDECK_PARAM_K, SNAPDECK_INPUT_A), and
     * step names also folders, so two names that differ only in case would overwrite each other.
     */
    private void refuseCaseCollision(Map<String, String> seen, Map.Entry<String, NodeTuple> entry, String kind)
            throws PipelineFormatException {
        String earlier = seen.putIfAbsent(entry.getKey().toUpperCase(Locale.ROOT), entry.getKey());
        if (earlier != null) {
            throw error(entry.getValue().getKeyNode(), kind + " name '" + entry.getKey() + "' differs from '"
                    + earlier + "' only in case; their environment variables would collide");
        }
    }

    private ParameterDefinition readParameter(String name, Node node) throws PipelineFormatException {
        MappingNode mapping = mapping(node, "parameter '" + name + "'");
        Map<String, NodeTuple> keys = entries(mapping, PARAMETER_KEYS, "parameter '" + name + "'");
        String type = requiredString(mapping, keys, "type");
        if (!ParameterDefinition.TYPES.contains(type)) {
            throw error(keys.get("type").getValueNode(), "parameter '" + name + "': unknown type '" + type
                    + "', expected one of " + ParameterDefinition.TYPES);
        }
        Double minimum = bound(keys.get("minimum"), type);
        Double maximum = bound(keys.get("maximum"), type);
        if (minimum != null && maximum != null && minimum > maximum) {
            throw error(keys.get("minimum").getValueNode(), "parameter '" + name + "': minimum is above maximum");
        }
        List<JsonNode> enumValues = new ArrayList<>();
        ParameterDefinition untyped = new ParameterDefinition(name, type, null, List.of(), minimum, maximum, null);
        if (keys.containsKey("enum")) {
            Node enumNode = keys.get("enum").getValueNode();
            for (Node item : sequence(enumNode, "enum").getValue()) {
                JsonNode value = scalarValue(item);
                if (untyped.problemWith(value) != null) {
                    throw error(item, "parameter '" + name + "': enum value " + untyped.problemWith(value));
                }
                enumValues.add(value);
            }
        }
        ParameterDefinition checked = new ParameterDefinition(name, type, null, enumValues, minimum, maximum,
                null);
        JsonNode defaultValue = null;
        if (keys.containsKey("default")) {
            Node defaultNode = keys.get("default").getValueNode();
            defaultValue = scalarValue(defaultNode);
            String problem = checked.problemWith(defaultValue);
            if (problem != null) {
                throw error(defaultNode, "parameter '" + name + "': default " + problem);
            }
        }
        return new ParameterDefinition(name, type, defaultValue, enumValues, minimum, maximum,
                optionalString(keys.get("description")));
    }

    private Double bound(NodeTuple tuple, String type) throws PipelineFormatException {
        if (tuple == null) {
            return null;
        }
        if (!type.equals("integer") && !type.equals("number")) {
            throw error(tuple.getKeyNode(), tuple.getKeyNode() instanceof ScalarNode
                    ? ((ScalarNode) tuple.getKeyNode()).getValue() + " only applies to integer and number"
                    : "bound only applies to integer and number");
        }
        return number(tuple.getValueNode(), "bound");
    }

    private void checkGraph(List<StepDefinition> steps, Map<String, Node> afterNodes)
            throws PipelineFormatException {
        Map<String, StepDefinition> byName = new LinkedHashMap<>();
        steps.forEach(step -> byName.put(step.name(), step));
        for (StepDefinition step : steps) {
            for (String upstream : step.after()) {
                if (!byName.containsKey(upstream)) {
                    throw error(afterNodes.get(step.name()), "step '" + step.name() + "' runs after unknown step '"
                            + upstream + "'");
                }
                if (upstream.equals(step.name())) {
                    throw error(afterNodes.get(step.name()), "step '" + step.name() + "' runs after itself");
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (StepDefinition step : steps) {
            List<String> path = new ArrayList<>();
            if (findCycle(step.name(), byName, done, path)) {
                throw error(afterNodes.get(path.get(0)), "steps form a cycle: " + String.join(" -> ", path));
            }
        }
    }

    private static boolean findCycle(String name, Map<String, StepDefinition> byName, Set<String> done,
            List<String> path) {
        if (path.contains(name)) {
            path.subList(0, path.indexOf(name)).clear();
            path.add(name);
            return true;
        }
        if (done.contains(name)) {
            return false;
        }
        path.add(name);
        for (String upstream : byName.get(name).after()) {
            if (findCycle(upstream, byName, done, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return false;
    }

    private Map<String, NodeTuple> entries(MappingNode node, Set<String> allowed, String where)
            throws PipelineFormatException {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode)) {
                throw error(keyNode, "keys of " + where + " must be plain names");
            }
            String key = ((ScalarNode) keyNode).getValue();
            if (allowed != null && !allowed.contains(key)) {
                throw error(keyNode, "unknown key '" + key + "' in " + where + ", expected one of "
                        + new TreeSet<>(allowed));
            }
            if (entries.put(key, tuple) != null) {
                throw error(keyNode, "duplicate key '" + key + "' in " + where);
            }
        }
        return entries;
    }

    private MappingNode mapping(Node node, String what) throws PipelineFormatException {
        if (!(node instanceof MappingNode)) {
            throw error(node, what + " must be a mapping");
        }
        return (MappingNode) node;
    }

    private SequenceNode sequence(Node node, String what) throws PipelineFormatException {
        if (!(node instanceof SequenceNode)) {
            throw error(node, what + " must be a list");
        }
        return (SequenceNode) node;
    }

    private List<String> stringList(Node node, String what) throws PipelineFormatException {
        List<String> values = new ArrayList<>();
        for (Node item : sequence(node, what).getValue()) {
            if (!(item instanceof ScalarNode) || item.getTag().equals(Tag.NULL)) {
                throw error(item, what + " items must be strings");
            }
            values.add(((ScalarNode) item).getValue());
        }
        return values;
    }

    private String requiredString(Node parent, Map<String, NodeTuple> keys, String key)
            throws PipelineFormatException {
        if (!keys.containsKey(key)) {
            throw error(parent, "missing '" + key + "'");
        }
        Node node = keys.get(key).getValueNode();
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.STR)) {
            throw error(node, "'" + key + "' must be a string");
        }
        return ((ScalarNode) node).getValue();
    }

    private String optionalString(NodeTuple tuple) throws PipelineFormatException {
        if (tuple == null || tuple.getValueNode().getTag().equals(Tag.NULL)) {
            return null;
        }
        Node node = tuple.getValueNode();
        if (!(node instanceof ScalarNode)) {
            throw error(node, "expected text");
        }
        return ((ScalarNode) node).getValue();
    }

    private double number(Node node, String what) throws PipelineFormatException {
        JsonNode value = scalarValue(node);
        if (!value.isNumber()) {
            throw error(node, what + " must be a number");
        }
        return value.doubleValue();
    }

    private boolean bool(Node node) throws PipelineFormatException {
        JsonNode value = scalarValue(node);
        if (!value.isBoolean()) {
            throw error(node, "expected true or false");
        }
        return value.booleanValue();
    }

    private JsonNode scalarValue(Node node) throws PipelineFormatException {
        if (!(node instanceof ScalarNode)) {
            throw error(node, "expected a single value");
        }
        String text = ((ScalarNode) node).getValue();
        Tag tag = node.getTag();
        try {
            if (tag.equals(Tag.INT)) {
                long value = new BigInteger(text.replace("_", "")).longValueExact();
                return value == (int) value ? JsonNodeFactory.instance.numberNode((int) value)
                        : JsonNodeFactory.instance.numberNode(value);
            }
            if (tag.equals(Tag.FLOAT)) {
                return JsonNodeFactory.instance.numberNode(new BigDecimal(text.replace("_", "")).doubleValue());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(node, "cannot read number '" + text + "'");
        }
        if (tag.equals(Tag.BOOL)) {
            return JsonNodeFactory.instance.booleanNode(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")
                    || text.equalsIgnoreCase("on") || text.equalsIgnoreCase("y"));
        }
        if (tag.equals(Tag.NULL)) {
            return JsonNodeFactory.instance.nullNode();
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    private PipelineFormatException error(Node node, String problem) {
        Mark mark = node.getStartMark();
        return new PipelineFormatException(file, mark.getLine() + 1, mark.getColumn() + 1, problem);
    }
}
