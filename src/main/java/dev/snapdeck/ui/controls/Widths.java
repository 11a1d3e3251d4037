package dev.snapdeck.ui.controls;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Keeps labels and buttons readable in a small window (down to 1024x700). An HBox or GridPane
 * short of room shrinks every child below its preferred width, so a button reads "R…"; the
 * parts named here keep their whole text and the rest (search fields, wrapping text) gives way.
 */
public final class Widths {

    private Widths() {
    }

    /** Never narrower than their content: for buttons, short labels and pickers in a bar. */
    public static void keepWhole(Region... regions) {
        for (Region region : regions) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /**
     * Columns for a form grid of {@code count} columns: all but the last as wide as their widest
     * content, the last taking what is left (put the text that can wrap there).
     */
    public static List<ColumnConstraints> formColumns(int count) {
        List<ColumnConstraints> columns = new ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            ColumnConstraints whole = new ColumnConstraints();
            whole.setMinWidth(Region.USE_PREF_SIZE);
            columns.add(whole);
        }
        ColumnConstraints rest = new ColumnConstraints();
        rest.setHgrow(Priority.ALWAYS);
        columns.add(rest);
        return columns;
    }
}
