package dev.snapdeck.runconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DeepMergeTest {

    @Test
    void objectsMergeKeyByKeyAndKeepUntouchedKeys() {
        JsonNode base = Specs.json("{'steps':{'a':{'parameters':{'x':1,'y':2}}},'k':true}");
        JsonNode override = Specs.json("{'steps':{'a':{'parameters':{'y':3}}}}");

        JsonNode merged = DeepMerge.merge(base, override);

        assertEquals(Specs.json("{'steps':{'a':{'parameters':{'x':1,'y':3}}},'k':true}"),
                merged);
    }

    @Test
    void listsAndScalarsReplaceWhole() {
        JsonNode base = Specs.json("{'tags':['a','b'],'n':1,'o':{'p':1}}");

        JsonNode merged = DeepMerge.merge(base, Specs.json("{'tags':['c'],'n':'x','o':5}"));

        assertEquals(Specs.json("{'tags':['c'],'n':'x','o':5}"), merged);
    }

    @Test
    void explicitNullStaysNull() {
        JsonNode merged = DeepMerge.merge(Specs.json("{'a':{'b':1}}"), Specs.json("{'a':null}"));

        assertEquals(Specs.json("{'a':null}"), merged);
    }

    @Test
    void argumentsAreNotChanged() {
        JsonNode base = Specs.json("{'a':{'b':1}}");
        JsonNode override = Specs.json("{'a':{'c':2}}");

        DeepMerge.merge(base, override);

        assertEquals(Specs.json("{'a':{'b':1}}"), base);
        assertEquals(Specs.json("{'a':{'c':2}}"), override);
    }
}
