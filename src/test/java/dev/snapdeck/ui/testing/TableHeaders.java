package dev.snapdeck.ui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

import org.testfx.api.FxRobot;

/** What a table shows of its column headers, for tests of tables at a window size. */
public final class TableHeaders {

    private TableHeaders() {
    }

    /** The text a labeled node draws: its text, or that cut short with "…". */
    public static String shownText(FxRobot robot, Node labeled) {
        return robot.from(labeled).lookup((Text text) -> true).queryAs(Text.class).getText();
    }

    /**
     * Asserts that {@code essential} columns are among those shown, and that every header shown
     * reads whole and ends inside the table.
     */
    public static void assertShownWholeInside(FxRobot robot, TableView<?> table,
            Collection<String> essential) {
        Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
        List<TableColumnHeader> headers = robot.from(table).lookup(".column-header")
                .queryAllAs(TableColumnHeader.class).stream()
                .filter(header -> header.getTableColumn() != null && header.isVisible())
                .toList();

        assertTrue(headers.stream().map(h -> h.getTableColumn().getText()).toList()
                .containsAll(essential), headers.toString());
        for (TableColumnHeader header : headers) {
            String title = header.getTableColumn().getText();
            Labeled label = robot.from(header).lookup(".label").queryAs(Labeled.class);
            assertEquals(title, shownText(robot, label), title + " is cut short");
            Bounds bounds = header.localToScene(header.getBoundsInLocal());
            assertTrue(bounds.getMaxX() <= tableBounds.getMaxX() + 0.5, title + " ends at "
                    + bounds.getMaxX() + ", the table at " + tableBounds.getMaxX());
        }
    }
}
