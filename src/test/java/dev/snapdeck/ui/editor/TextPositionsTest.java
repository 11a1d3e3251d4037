package dev.snapdeck.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import dev.snapdeck.runconfig.Diagnostic;
import dev.snapdeck.runconfig.QuickFix;
import dev.snapdeck.runconfig.Severity;

import org.junit.jupiter.api.Test;

class TextPositionsTest {

    @Test
    void countsCharactersOutsideTheBasicPlaneAsTwoEditorColumns() {
        TextPositions positions = new TextPositions("a: 1\nb: \"😀😀\" x\n");
        Diagnostic diagnostic = new Diagnostic(Severity.ERROR, 2, 9, 2, 10, "b", "after emoji",
                Optional.empty());

        EditorMarker marker = positions.marker(diagnostic);

        assertEquals(2, marker.startLine());
        assertEquals(11, marker.startColumn());
        assertEquals(12, marker.endColumn());
    }

    @Test
    void convertsEditorColumnsBackToCodePoints() {
        TextPositions positions = new TextPositions("k: 😀v");

        int column = positions.codePointColumn(1, 6);

        assertEquals(5, column);
    }

    @Test
    void appliesAQuickFixAfterWideCharactersOnWindowsLineEnds() {
        TextPositions positions = new TextPositions("x: 1\r\ny: \"😀\" no\r\n");
        QuickFix fix = new QuickFix("Quote", 2, 8, 2, 10, "\"no\"");

        String fixed = positions.apply(fix);

        assertEquals("x: 1\r\ny: \"😀\" \"no\"\r\n", fixed);
    }
}
