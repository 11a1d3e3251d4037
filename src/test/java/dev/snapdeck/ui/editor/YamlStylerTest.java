package dev.snapdeck.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class YamlStylerTest {

    private final YamlStyler styler = new YamlStyler();

    private List<String> render(String text) {
        return styler.tokenize(text).stream()
                .map(t -> t.styleClass() + ":" + text.substring(t.start(), t.end()))
                .collect(Collectors.toList());
    }

    @Test
    void marksKeysAndTypedScalars() {
        String yaml = "epochs: 10\nrate: 0.5\nname: iris\nenabled: true\nmissing: null\n";

        List<String> tokens = render(yaml);

        assertEquals(List.of("yaml-key:epochs", "yaml-number:10", "yaml-key:rate",
                "yaml-number:0.5", "yaml-key:name", "yaml-string:iris", "yaml-key:enabled",
                "yaml-literal:true", "yaml-key:missing", "yaml-literal:null"), tokens);
    }

    @Test
    void marksCommentsButNotHashesInsideValues() {
        String yaml = "# top\nurl: http://x/#frag # trailing\n";

        List<String> tokens = render(yaml);

        assertEquals(List.of("yaml-comment:# top", "yaml-key:url", "yaml-string:http://x/#frag",
                "yaml-comment:# trailing"), tokens);
    }

    @Test
    void marksQuotedStringsAndQuotedKeys() {
        String yaml = "\"odd key\": 'it''s # not a comment'\n";

        List<String> tokens = render(yaml);

        assertEquals(List.of("yaml-key:\"odd key\"", "yaml-string:'it''s # not a comment'"),
                tokens);
    }

    @Test
    void marksAnchorsAliasesAndDocumentMarkers() {
        String yaml = "---\nbase: &defaults\n  lr: 1e-3\nother: *defaults\n...\n";

        List<String> tokens = render(yaml);

        assertEquals(List.of("yaml-document:---", "yaml-key:base", "yaml-anchor:&defaults",
                "yaml-key:lr", "yaml-number:1e-3", "yaml-key:other", "yaml-anchor:*defaults",
                "yaml-document:..."), tokens);
    }

    @Test
    void marksFlowCollectionsAndSequenceItems() {
        String yaml = "p: {type: number, default: 0.2}\nafter: [load_data, 3]\n- item\n";

        List<String> tokens = render(yaml);

        assertEquals(List.of("yaml-key:p", "yaml-key:type", "yaml-string:number",
                "yaml-key:default", "yaml-number:0.2", "yaml-key:after",
                "yaml-string:load_data", "yaml-number:3", "yaml-string:item"), tokens);
    }

    @Test
    void treatsBlockScalarLinesAsStrings() {
        String yaml = "script: |\n  echo: hi\n  # not a comment\nnext: 1\n";

        List<String> tokens = render(yaml);

        assertEquals(List.of("yaml-key:script", "yaml-string:echo: hi",
                "yaml-string:# not a comment", "yaml-key:next", "yaml-number:1"), tokens);
    }

    @Test
    void spansCoverTheWholeTextEvenWhenBroken() {
        String yaml = "a: [unclosed\n  \"open string\nb: :\n";

        int length = styler.spans(yaml).length();

        assertEquals(yaml.length(), length);
        assertTrue(render(yaml).contains("yaml-key:a"));
    }
}
