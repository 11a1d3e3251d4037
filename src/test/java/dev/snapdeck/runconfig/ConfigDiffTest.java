package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    private final JsonNode template = Specs.json("{'run_name':'r','enable_cache':true,"
            + "'steps':{'t':{'parameters':{'epochs':10,'lr':0.01}}},'tags':['a']}");

    @Test
    void listsChangedAddedAndRemovedPaths() {
        JsonNode edited = Specs.json("{'run_name':'r','steps':{'t':{'parameters':"
                + "{'epochs':25,'lr':0.01,'seed':1}}},'tags':['a','b']}");

        List<ConfigDiff.Change> changes = ConfigDiff.between(template, edited);

        assertEquals(List.of(
                new ConfigDiff.Change(ConfigDiff.Kind.REMOVED, "enable_cache",
                        Specs.json("true"), MissingNode.getInstance()),
                new ConfigDiff.Change(ConfigDiff.Kind.CHANGED, "steps.t.parameters.epochs",
                        Specs.json("10"), Specs.json("25")),
                new ConfigDiff.Change(ConfigDiff.Kind.ADDED, "steps.t.parameters.seed",
                        MissingNode.getInstance(), Specs.json("1")),
                new ConfigDiff.Change(ConfigDiff.Kind.CHANGED, "tags",
                        Specs.json("['a']"), Specs.json("['a','b']"))), changes);
    }

    @Test
    void numbersCompareByValue() {
        JsonNode edited = Specs.json("{'run_name':'r','enable_cache':true,"
                + "'steps':{'t':{'parameters':{'epochs':10.0,'lr':0.010}}},'tags':['a']}");

        assertEquals(List.of(), ConfigDiff.between(template, edited));
    }

    @Test
    void minimalOverrideHoldsOnlyWhatDiffersAndMergesBackToTheEdit() {
        JsonNode edited = Specs.json("{'run_name':'r','enable_cache':false,"
                + "'steps':{'t':{'parameters':{'epochs':25,'lr':0.01}}},'tags':['a']}");

        JsonNode override = ConfigDiff.minimalOverride(template, edited);

        assertEquals(Specs.json("{'enable_cache':false,'steps':{'t':{'parameters':"
                + "{'epochs':25}}}}"), override);
        assertEquals(edited, DeepMerge.merge(template, override));
    }
}
