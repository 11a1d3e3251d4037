package dev.snapdeck.ui.controls;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Keeps labels and buttons readable in a small window (down to 1024x700). An HBox or GridPane
 * short of room shrinks every child below its preferred width, so a button reads "R…"; the
 * parts named here keep their whole text and the rest (search fields, wrapping text) gives way.
 */
public final class Widths {

    /** Room kept for a table's vertical scroll bar, there once rows overflow (8 px in Primer). */
    private static final double SCROLL_BAR_ROOM = 16;

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

    /**
     * Lets columns give way in a table too narrow for every column's minimum width: rather than
     * all columns being squeezed until their headers read "…", the columns named are hidden, the
     * least important first, and come back as the table widens. A column that gives way takes
     * every less important one with it, so what shows never skips a more important column.
     */
    public static <S> void giveWay(TableView<S> table,
            List<TableColumn<S, ?>> leastImportantFirst) {
        InvalidationListener fit = observable -> {
            double room = table.getWidth() - table.getInsets().getLeft()
                    - table.getInsets().getRight() - SCROLL_BAR_ROOM;
            double needed = table.getColumns().stream()
                    .filter(column -> !leastImportantFirst.contains(column))
                    .mapToDouble(TableColumn::getMinWidth).sum();
            boolean fits = true;
            for (int i = leastImportantFirst.size() - 1; i >= 0; i--) {
                TableColumn<S, ?> column = leastImportantFirst.get(i);
                fits = fits && needed + column.getMinWidth() <= room;
                column.setVisible(fits);
                needed += fits ? column.getMinWidth() : 0;
            }
        };
        table.widthProperty().addListener(fit);
        fit.invalidated(table.widthProperty());
    }
}
