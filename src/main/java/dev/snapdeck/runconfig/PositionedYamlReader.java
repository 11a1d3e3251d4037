package dev.snapdeck.runconfig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML text into a {@link YamlNode} tree in which every key and value keeps its position,
 * and into the JSON it is sent as. Works on SnakeYAML's event stream (the parser under
 * jackson-dataformat-yaml) and builds the tree itself, without recursion, so that duplicate keys,
 * anchors, tags and the {@link Limits} are all seen and reported at their place.
 *
 * <p>Plain scalars are read with {@link ScalarRule}. Aliases expand to a copy of their anchor
 * (within {@link Limits#maxAliasValues()}); the anchor's name is never a value. YAML 1.1 merge
 * keys ({@code <<: *base}) merge as PyYAML merges them. A leading
 * byte-order mark is dropped, Windows and old Mac line ends count as one line end. Pure and
 * thread-safe; never throws for bad input — every problem comes back as a {@link Diagnostic}.
 */
public final class PositionedYamlReader {

    private static final Logger LOG = LoggerFactory.getLogger(PositionedYamlReader.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String CORE_TAG = "tag:yaml.org,2002:";
    /** The quick fix that turns a value YAML 1.1 reads as a number, boolean or null into text. */
    static final String QUOTE_AS_TEXT = "Quote as text";
    /** The quick fix that quotes a value sent as text anyway, so every YAML reader agrees. */
    static final String KEEP_AS_TEXT = "Quote to keep as text";

    /** The outcome of reading: the tree and its JSON when the text could be read, and problems. */
    public record Result(Optional<YamlNode> root, Optional<JsonNode> json,
            List<Diagnostic> diagnostics) {

        /** Whether the text was read to the end (possibly with warnings or errors in values). */
        public boolean readable() {
            return json.isPresent();
        }
    }

    private final Limits limits;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private YamlNode root;
    private long aliasValues;
    private boolean failed;

    private PositionedYamlReader(Limits limits) {
        this.limits = limits;
    }

    /** Reads {@code text} with {@link Limits#DEFAULT}. */
    public static Result read(String text) {
        return read(text, Limits.DEFAULT);
    }

    /** Reads {@code text} within {@code limits}. */
    public static Result read(String text, Limits limits) {
        return new PositionedYamlReader(limits).run(text);
    }

    private Result run(String text) {
        // Characters as people count them: an emoji is one, though Java holds it in two chars.
        // Counted only past the limit in chars, since there are never more characters than chars.
        int characters = text.length() > limits.maxChars()
                ? text.codePointCount(0, text.length()) : text.length();
        if (characters > limits.maxChars()) {
            diagnostics.add(Diagnostic.at(Severity.ERROR, Span.START, "", "The file is too large: "
                    + characters + " characters, the limit is " + limits.maxChars() + "."));
            return new Result(Optional.empty(), Optional.empty(), List.copyOf(diagnostics));
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        // Tabs where YAML allows them (inside a block scalar or a quoted string) parse; the tab
        // report is only the clearer account of why a parse failed.
        List<Diagnostic> tabs = new ArrayList<>();
        TextChecks.tabs(body, tabs);
        parse(body, tabs);
        if (failed) {
            return new Result(Optional.empty(), Optional.empty(), List.copyOf(diagnostics));
        }
        JsonNode json = root == null ? JSON.objectNode() : toJson(root);
        return new Result(Optional.ofNullable(root), Optional.of(json), List.copyOf(diagnostics));
    }

    private void parse(String body, List<Diagnostic> tabs) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(limits.maxChars(), 1) + 16);
        ParserImpl parser = new ParserImpl(new StreamReader(body), options);
        int documents = 0;
        try {
            while (!failed && parser.peekEvent() != null) {
                Event event = parser.getEvent();
                if (event.is(Event.ID.DocumentStart) && ++documents > 1) {
                    fail(span(event.getStartMark(), event.getEndMark()), "", "Only one YAML "
                            + "document is allowed here; remove this `---` and what follows.");
                } else if (event.is(Event.ID.StreamEnd)) {
                    break;
                } else {
                    handle(event);
                }
            }
        } catch (MarkedYAMLException e) {
            LOG.debug("YAML syntax error", e);
            if (tabs.isEmpty()) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                fail(mark == null ? Span.START : span(mark, mark), "", syntaxMessage(e));
            } else {
                diagnostics.addAll(tabs);
            }
            failed = true;
        } catch (YAMLException e) {
            LOG.debug("YAML could not be read", e);
            fail(Span.START, "", "The file could not be read as YAML: " + e.getMessage());
        }
    }

    private void handle(Event event) {
        if (event instanceof ScalarEvent scalar) {
            attach(scalar(scalar), 1, 0, scalar.getAnchor());
        } else if (event instanceof AliasEvent alias) {
            alias(alias);
        } else if (event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart)) {
            open((CollectionStartEvent) event);
        } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
            close(event);
        }
    }

    private void open(CollectionStartEvent event) {
        Span start = span(event.getStartMark(), event.getEndMark());
        if (stack.size() + 1 > limits.maxDepth()) {
            fail(start, currentPath(), "The configuration is nested more than "
                    + limits.maxDepth() + " levels deep here; that is the limit.");
            return;
        }
        checkTag(event.getTag(), start, event.is(Event.ID.MappingStart) ? "map" : "seq");
        stack.push(new Frame(event.is(Event.ID.MappingStart), start, event.getAnchor(),
                currentPath()));
    }

    private void close(Event event) {
        Frame frame = stack.pop();
        Span end = span(event.getStartMark(), event.getEndMark());
        Span span = new Span(frame.start.startLine(), frame.start.startColumn(),
                frame.lastEnd != null ? frame.lastEnd.endLine() : end.endLine(),
                frame.lastEnd != null ? frame.lastEnd.endColumn() : end.endColumn());
        if (frame.lastEnd != null && endsAfter(end, frame.lastEnd) && frame.flowEnd(end)) {
            span = new Span(span.startLine(), span.startColumn(), end.endLine(), end.endColumn());
        }
        YamlNode node = frame.mapping ? new YamlNode.Mapping(span, frame.finalEntries())
                : new YamlNode.Sequence(span, List.copyOf(frame.items));
        attach(node, frame.weight, frame.height + 1, frame.anchor);
    }

    private void alias(AliasEvent event) {
        Span span = span(event.getStartMark(), event.getEndMark());
        Anchored anchored = anchors.get(event.getAnchor());
        if (anchored == null) {
            boolean insideItsAnchor = stack.stream().anyMatch(frame -> event.getAnchor().equals(frame.anchor));
            fail(span, currentPath(), insideItsAnchor
                    ? "`*" + event.getAnchor() + "` is used inside the value `&" + event.getAnchor()
                            + "` names, so that value would contain itself without end. Write the values out instead."
                    : "`*" + event.getAnchor() + "` refers to no anchor; define `&" + event.getAnchor()
                            + "` before using it.");
            return;
        }
        aliasValues += anchored.weight;
        if (aliasValues > limits.maxAliasValues()) {
            fail(span, currentPath(), "Aliases expand to more than " + limits.maxAliasValues()
                    + " values by here; that is the limit. Write the values out instead.");
            return;
        }
        if (stack.size() + anchored.height > limits.maxDepth()) {
            fail(span, currentPath(), "`*" + event.getAnchor() + "` expands to values nested more "
                    + "than " + limits.maxDepth() + " levels deep; that is the limit.");
            return;
        }
        attach(new YamlNode.Alias(span, event.getAnchor(), anchored.node), anchored.weight,
                anchored.height, null);
    }

    private YamlNode.Scalar scalar(ScalarEvent event) {
        Span span = span(event.getStartMark(), event.getEndMark());
        String text = event.getValue();
        String tag = event.getTag();
        if (tag != null && !tag.equals("!")) {
            return new YamlNode.Scalar(span, text, false, tagged(tag, text, span,
                    scalarPath(text, event)));
        }
        if (!event.isPlain() || tag != null) {
            return new YamlNode.Scalar(span, text, false, JSON.textNode(text));
        }
        JsonNode value = ScalarRule.resolve(text);
        Optional<String> ambiguity = ScalarRule.ambiguity(text);
        if (ambiguity.isEmpty() && !ScalarRule.isNonFinite(text)) {
            return new YamlNode.Scalar(span, text, true, value);
        }
        String path = scalarPath(text, event);
        if (ScalarRule.isNonFinite(text)) {
            diagnostics.add(Diagnostic.at(Severity.ERROR, span, path, "`" + text + "` is not a "
                    + "number JSON can carry. To send the text, write " + ScalarRule.quote(text)
                    + ".", QuickFix.replacing(QUOTE_AS_TEXT, span, ScalarRule.quote(text))));
            return new YamlNode.Scalar(span, text, true, JSON.textNode(text));
        }
        // Quoting changes what is sent only when YAML 1.1 reads a number, boolean or null here;
        // for a value sent as text anyway it only makes that plain, and must not be offered as
        // the cure for a "must be a number" error (see RunConfigChecker).
        String title = value.isTextual() ? KEEP_AS_TEXT : QUOTE_AS_TEXT;
        diagnostics.add(Diagnostic.at(Severity.WARNING, span, path, ambiguity.get(),
                QuickFix.replacing(title, span, ScalarRule.quote(text))));
        return new YamlNode.Scalar(span, text, true, value);
    }

    /** The dotted path of the scalar being read (built only when a diagnostic needs it). */
    private String scalarPath(String text, ScalarEvent event) {
        return isKeyPosition() ? join(currentPath(), keyName(text, event)) : currentPath();
    }

    private JsonNode tagged(String tag, String text, Span span, String path) {
        String name = tag.startsWith(CORE_TAG) ? tag.substring(CORE_TAG.length()) : tag;
        JsonNode resolved = ScalarRule.resolve(text);
        boolean fits = switch (name) {
            case "str" -> true;
            case "int" -> resolved.isIntegralNumber();
            case "float" -> resolved.isNumber();
            case "bool" -> resolved.isBoolean();
            case "null" -> resolved.isNull();
            default -> false;
        };
        if (!fits) {
            diagnostics.add(Diagnostic.at(Severity.ERROR, span, path, "The tag `" + tag
                    + "` cannot be used on `" + text + "`; Snapdeck understands !!str, !!int, "
                    + "!!float, !!bool and !!null. The value is sent as text."));
            return JSON.textNode(text);
        }
        return name.equals("str") ? JSON.textNode(text)
                : name.equals("float") ? JSON.numberNode(resolved.asDouble()) : resolved;
    }

    private void checkTag(String tag, Span span, String expected) {
        if (tag != null && !tag.equals(CORE_TAG + expected) && !tag.equals("!")) {
            diagnostics.add(Diagnostic.at(Severity.ERROR, span, currentPath(), "The tag `" + tag
                    + "` is not supported here; remove it."));
        }
    }

    private void attach(YamlNode node, long weight, int height, String anchor) {
        if (failed) {
            return;
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, weight, height));
        }
        Frame frame = stack.peek();
        if (frame == null) {
            root = node;
        } else if (frame.mapping && frame.pendingKey == null) {
            acceptKey(frame, node);
        } else if (frame.mapping && frame.mergeKeyPending) {
            merge(frame, node, weight, height);
        } else {
            frame.add(node, weight, height);
        }
    }

    private void acceptKey(Frame frame, YamlNode node) {
        YamlNode target = node instanceof YamlNode.Alias alias ? alias.target() : node;
        if (!(target instanceof YamlNode.Scalar scalar)) {
            fail(node.span(), frame.path, "A key must be a single word or text, not a list or "
                    + "mapping.");
            return;
        }
        String name = scalar.value().isTextual() ? scalar.value().asText()
                : scalar.value().toString();
        if (scalar.plain() && name.equals("<<")) {
            frame.pendingKey = scalar;
            frame.pendingName = name;
            frame.mergeKeyPending = true;
            return;
        }
        YamlNode.Entry first = frame.firstByName.get(name);
        if (first != null) {
            diagnostics.add(Diagnostic.at(Severity.ERROR, scalar.span(), join(frame.path, name),
                    "`" + name + "` is set twice: first on line " + first.key().span().startLine()
                    + ", again here on line " + scalar.span().startLine() + ". YAML keeps only "
                    + "this last value; remove one of them."));
        }
        frame.pendingKey = scalar;
        frame.pendingName = name;
        frame.weight += 1;
    }

    /**
     * A YAML 1.1 merge key ({@code <<: *base} or {@code <<: [*a, *b]}), as PyYAML reads it: the
     * merged mappings' keys come first, earlier sources win over later ones, and keys written
     * in the mapping itself win over all. Merged keys and values are placed at the alias.
     */
    private void merge(Frame frame, YamlNode node, long weight, int height) {
        List<YamlNode> sources = node instanceof YamlNode.Sequence sequence ? sequence.items()
                : List.of(node);
        for (YamlNode source : sources) {
            YamlNode.Alias alias = source instanceof YamlNode.Alias a ? a : null;
            YamlNode target = alias != null ? alias.target() : source;
            if (!(target instanceof YamlNode.Mapping mapping)) {
                fail(source.span(), join(frame.path, "<<"), "`<<` merges mappings only: give "
                        + "it an alias to a mapping (`<<: *base`) or a list of them.");
                return;
            }
            for (YamlNode.Entry entry : mapping.entries()) {
                frame.merged.add(alias == null ? entry : new YamlNode.Entry(
                        new YamlNode.Scalar(alias.span(), entry.key().text(),
                                entry.key().plain(), entry.key().value()),
                        entry.name(), new YamlNode.Alias(alias.span(), alias.name(),
                                entry.value())));
            }
        }
        frame.pendingKey = null;
        frame.pendingName = null;
        frame.mergeKeyPending = false;
        frame.weight += weight;
        frame.height = Math.max(frame.height, height);
        frame.lastEnd = node.span();
    }

    private JsonNode toJson(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.value();
        }
        if (node instanceof YamlNode.Alias alias) {
            return toJson(alias.target());
        }
        if (node instanceof YamlNode.Sequence sequence) {
            var array = JSON.arrayNode(sequence.items().size());
            sequence.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        ObjectNode object = JSON.objectNode();
        for (YamlNode.Entry entry : ((YamlNode.Mapping) node).entries()) {
            object.set(entry.name(), toJson(entry.value()));
        }
        return object;
    }

    private boolean isKeyPosition() {
        Frame frame = stack.peek();
        return frame != null && frame.mapping && frame.pendingKey == null;
    }

    private String keyName(String text, ScalarEvent event) {
        if (!event.isPlain() || event.getTag() != null) {
            return text;
        }
        JsonNode value = ScalarRule.resolve(text);
        return value.isTextual() ? value.asText() : value.toString();
    }

    private String currentPath() {
        Frame frame = stack.peek();
        if (frame == null) {
            return "";
        }
        if (frame.mapping) {
            return frame.pendingName == null ? frame.path : join(frame.path, frame.pendingName);
        }
        return join(frame.path, Integer.toString(frame.items.size()));
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void fail(Span span, String path, String message) {
        diagnostics.add(Diagnostic.at(Severity.ERROR, span, path, message));
        failed = true;
    }

    private static boolean endsAfter(Span a, Span b) {
        return a.endLine() > b.endLine()
                || (a.endLine() == b.endLine() && a.endColumn() > b.endColumn());
    }

    private static Span span(Mark start, Mark end) {
        return new Span(start.getLine() + 1, start.getColumn() + 1, end.getLine() + 1,
                end.getColumn() + 1);
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.contains("TAB") || problem.contains("\t")) {
            return "A tab is not allowed here: YAML indents with spaces only. Replace the tab "
                    + "with spaces.";
        }
        Mark mark = e.getContextMark();
        String where = mark == null ? "" : " on line " + (mark.getLine() + 1);
        String context = e.getContext() == null ? "" : " (" + e.getContext() + where + ")";
        return "This is not valid YAML: " + problem + context + ".";
    }

    private record Anchored(YamlNode node, long weight, int height) {
    }

    /** A mapping or list being built. */
    private static final class Frame {
        final boolean mapping;
        final Span start;
        final String anchor;
        final String path;
        final List<YamlNode.Entry> entries = new ArrayList<>();
        final Map<String, YamlNode.Entry> firstByName = new HashMap<>();
        final List<YamlNode> items = new ArrayList<>();
        final List<YamlNode.Entry> merged = new ArrayList<>();
        boolean mergeKeyPending;
        YamlNode.Scalar pendingKey;
        String pendingName;
        Span lastEnd;
        long weight = 1;
        int height;

        Frame(boolean mapping, Span start, String anchor, String path) {
            this.mapping = mapping;
            this.start = start;
            this.anchor = anchor;
            this.path = path;
        }

        void add(YamlNode node, long childWeight, int childHeight) {
            if (mapping) {
                YamlNode.Entry entry = new YamlNode.Entry(pendingKey, pendingName, node);
                entries.add(entry);
                firstByName.putIfAbsent(pendingName, entry);
                pendingKey = null;
                pendingName = null;
            } else {
                items.add(node);
            }
            weight += childWeight;
            height = Math.max(height, childHeight);
            lastEnd = node.span();
        }

        /** Merged entries not overridden (first source wins), then the written ones. */
        List<YamlNode.Entry> finalEntries() {
            if (merged.isEmpty()) {
                return List.copyOf(entries);
            }
            Set<String> taken = new HashSet<>(firstByName.keySet());
            List<YamlNode.Entry> out = new ArrayList<>();
            for (YamlNode.Entry entry : merged) {
                if (taken.add(entry.name())) {
                    out.add(entry);
                }
            }
            out.addAll(entries);
            return List.copyOf(out);
        }

        boolean flowEnd(Span end) {
            return end.endColumn() - end.startColumn() == 1;
        }
    }
}
