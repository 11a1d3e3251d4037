package dev.snapdeck.ui.editor;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.snapdeck.runconfig.ParameterSpec;

/**
 * One value in the Run Snapshot form — a run setting such as {@code enable_cache}, a pipeline
 * parameter, or a step parameter: what kind of control it needs, its bounds, help and default,
 * and the value the YAML gives it now. The view changes it only through
 * {@link RunSnapshotViewModel#setParameter}.
 */
public final class ParameterField {

    /** Where in the run configuration a field lives; the form shows one section per place. */
    public enum Place {
        /** A top-level setting of the run ({@code run_name}, {@code enable_cache}, …). */
        RUN,
        /** A pipeline-level parameter of a dynamic snapshot. */
        PIPELINE,
        /** A parameter of one step. */
        STEP
    }

    /** The control a parameter gets. */
    public enum Kind {
        TEXT, INTEGER, NUMBER, BOOLEAN, CHOICE,
        /** Objects, lists and mixed types: edited in the YAML only. */
        YAML_ONLY
    }

    private final Place place;
    private final String step;
    private final ParameterSpec spec;
    private final Kind kind;
    private final ReadOnlyObjectWrapper<JsonNode> value =
            new ReadOnlyObjectWrapper<>(NullNode.getInstance());
    private final ReadOnlyBooleanWrapper written = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private JsonNode templateValue = MissingNode.getInstance();

    private ParameterField(Place place, String step, ParameterSpec spec) {
        this.place = place;
        this.step = step;
        this.spec = spec;
        this.kind = kindOf(spec);
        // Until the first check says what the YAML holds, the schema's default is the best guess.
        spec.defaultValue().ifPresent(this::setValue);
    }

    static ParameterField runSetting(ParameterSpec spec) {
        return new ParameterField(Place.RUN, null, spec);
    }

    static ParameterField pipelineParameter(ParameterSpec spec) {
        return new ParameterField(Place.PIPELINE, null, spec);
    }

    static ParameterField stepParameter(String step, ParameterSpec spec) {
        return new ParameterField(Place.STEP, step, spec);
    }

    private static Kind kindOf(ParameterSpec spec) {
        if (!spec.enumValues().isEmpty()) {
            return Kind.CHOICE;
        }
        List<String> types = spec.types();
        if (types.size() == 1) {
            switch (types.get(0)) {
                case "boolean":
                    return Kind.BOOLEAN;
                case "integer":
                    return Kind.INTEGER;
                case "number":
                    return Kind.NUMBER;
                case "string":
                    return Kind.TEXT;
                default:
                    return Kind.YAML_ONLY;
            }
        }
        return types.isEmpty() ? Kind.TEXT : Kind.YAML_ONLY;
    }

    public Place place() {
        return place;
    }

    /** The step, for {@link Place#STEP}; null otherwise. */
    public String step() {
        return step;
    }

    /** The heading of the form section the field belongs to. */
    public String section() {
        switch (place) {
            case RUN:
                return "Run";
            case PIPELINE:
                return "Pipeline parameters";
            default:
                return step;
        }
    }

    /** A node id for the field's control, unique within one form. */
    public String controlId() {
        switch (place) {
            case RUN:
                return "run-setting-" + name();
            case PIPELINE:
                return "pipeline-param-" + name();
            default:
                return "param-" + step + "-" + name();
        }
    }

    public String name() {
        return spec.name();
    }

    public Kind kind() {
        return kind;
    }

    public ParameterSpec spec() {
        return spec;
    }

    /** The path of the value in a run configuration. */
    public List<String> path() {
        switch (place) {
            case RUN:
                return List.of(spec.name());
            case PIPELINE:
                return List.of("parameters", spec.name());
            default:
                return List.of("steps", step, "parameters", spec.name());
        }
    }

    /** The enum values, for {@link Kind#CHOICE}. */
    public List<JsonNode> choices() {
        return spec.enumValues();
    }

    /** Description, type and bounds, and the default, in words for a tooltip. */
    public String help() {
        StringBuilder help = new StringBuilder();
        if (!spec.description().isEmpty()) {
            help.append(spec.description()).append('\n');
        }
        help.append(spec.summary());
        if (!defaultText().isEmpty()) {
            help.append("\nDefault: ").append(defaultText());
        }
        return help.toString();
    }

    /**
     * The default in words, empty when the schema has none. A null default (run settings have
     * one) means "as the snapshot or the server has it", which is no value to show.
     */
    public String defaultText() {
        return spec.defaultValue().filter(d -> !d.isNull())
                .map(d -> d.isTextual() ? d.asText() : d.toString()).orElse("");
    }

    /** The value the YAML gives the parameter now (its default when the YAML leaves it out). */
    public ReadOnlyObjectProperty<JsonNode> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public JsonNode getValue() {
        return value.get();
    }

    /**
     * Whether the YAML writes this value itself. When it does not, the value shown is the one
     * that applies anyway: the snapshot's, or the schema's default.
     */
    public ReadOnlyBooleanProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    public boolean isWritten() {
        return written.get();
    }

    void setWritten(boolean now) {
        written.set(now);
    }

    /** What the checker says about this parameter's value now; empty when it is fine. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void setProblem(String message) {
        problem.set(message == null ? "" : message);
    }

    /** Whether the value that applies differs from the snapshot's template. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public boolean isChanged() {
        return changed.get();
    }

    /**
     * The template's value here, while {@link #isChanged()}; a {@link MissingNode} where the
     * template has none (the value came from the YAML alone).
     */
    JsonNode templateValue() {
        return templateValue;
    }

    void markChanged(JsonNode fromTemplate) {
        templateValue = fromTemplate;
        changed.set(true);
    }

    void markUnchanged() {
        templateValue = MissingNode.getInstance();
        changed.set(false);
    }

    void setValue(JsonNode now) {
        value.set(now == null ? NullNode.getInstance() : now);
    }
}
