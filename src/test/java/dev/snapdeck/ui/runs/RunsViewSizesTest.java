package dev.snapdeck.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.PipelineRun;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.TableHeaders;

/**
 * The Runs screen in the room a 1024x700 and a 1280x800 main window leave it beside the sidebar
 * and above the status bar: the search field's hint is read whole; every column shown fits in the
 * table with its header read whole; the run's name shows its text, whole or ending in an
 * ellipsis, and its status and creation time show whole. With less room (a narrower window or a
 * wider sidebar) the table hides columns to keep that so, the least important first.
 */
class RunsViewSizesTest {

    private static final Set<String> ESSENTIAL = Set.of("Run", "Status", "Created");
    private static final Set<String> SHOWN_WHOLE = Set.of("Status", "Created");
    private static final List<String> LEAST_IMPORTANT_FIRST = List.of("User", "Snapshot",
            "Duration");

    private final RunsWorkspace workspace = new RunsWorkspace();
    private final FakeShell shell = new FakeShell();
    private final BackgroundExecutor executor = BackgroundExecutor.create(Platform::runLater);
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() {
        executor.close();
    }

    private void show(double width, double height) throws Exception {
        workspace.addRun(workspace.addPipeline("training_pipeline"),
                "training_pipeline-2026_12_04-16_31_23_123456", ExecutionStatus.PROVISIONING);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(shown -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            shown.setScene(new Scene(new RunsView(new RunsViewModel(shell.context(workspace,
                    executor))), width, height));
            // The test stage is shared: an earlier test may have left it another size or place.
            shown.sizeToScene();
            shown.setX(0);
            shown.setY(0);
            shown.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.isShowing());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table().getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<PipelineRun> table() {
        return robot.lookup("#" + RunsView.TABLE_ID).queryAs(TableView.class);
    }

    @ParameterizedTest(name = "content {0}x{1}")
    @CsvSource({"700, 672", "830, 672", "1086, 772"})
    void everyHeaderShownIsReadWholeInsideTheTable(double width, double height) throws Exception {
        show(width, height);
        TableView<PipelineRun> table = table();
        TableHeaders.assertShownWholeInside(robot, table, ESSENTIAL);
    }

    @ParameterizedTest(name = "content {0}x{1}")
    @CsvSource({"700, 672", "830, 672", "1086, 772"})
    void theColumnsHiddenAreTheLeastImportant(double width, double height) throws Exception {
        show(width, height);

        List<String> hidden = table().getColumns().stream().filter(column -> !column.isVisible())
                .map(TableColumn::getText).toList();

        assertTrue(hidden.size() <= LEAST_IMPORTANT_FIRST.size(), hidden.toString());
        assertEquals(Set.copyOf(LEAST_IMPORTANT_FIRST.subList(0, hidden.size())),
                Set.copyOf(hidden));
    }

    @ParameterizedTest(name = "content {0}x{1}")
    @CsvSource({"700, 672", "830, 672", "1086, 772"})
    void runStatusAndCreatedShowTheirText(double width, double height) throws Exception {
        show(width, height);
        TableView<PipelineRun> table = table();
        double tableEnd = table.localToScene(table.getBoundsInLocal()).getMaxX();

        for (TableColumn<PipelineRun, ?> column : table.getColumns()) {
            if (!ESSENTIAL.contains(column.getText())) {
                continue;
            }
            String full = String.valueOf(column.getCellData(0));
            TableCell<?, ?> cell = robot.from(table).lookup((TableCell<?, ?> c) ->
                    c.getTableColumn() == column && c.getIndex() == 0).queryAs(TableCell.class);
            String shown = TableHeaders.shownText(robot, cell);
            // A cut value keeps its start, its end (run names are cut in the middle) or both.
            String ellipsis = cell.getEllipsisString();
            int cut = shown.indexOf(ellipsis);
            String head = cut < 0 ? "" : shown.substring(0, cut);
            String tail = cut < 0 ? "" : shown.substring(cut + ellipsis.length());

            assertTrue(shown.equals(full) || !SHOWN_WHOLE.contains(column.getText())
                    && head.length() + tail.length() >= 3 && full.startsWith(head)
                    && full.endsWith(tail),
                    column.getText() + " shows \"" + shown + "\" of \"" + full + "\"");
            assertTrue(cell.localToScene(cell.getBoundsInLocal()).getMaxX() <= tableEnd + 0.5,
                    column.getText() + " ends outside the table");
        }
    }

    @ParameterizedTest(name = "content {0}x{1}")
    @CsvSource({"830, 672", "1086, 772"})
    void theSearchHintIsReadWhole(double width, double height) throws Exception {
        show(width, height);

        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        Text hint = robot.from(search).lookup((Text text) -> search.getPromptText()
                .equals(text.getText())).queryAs(Text.class);
        double room = search.getWidth() - search.getInsets().getLeft()
                - search.getInsets().getRight();

        assertTrue(hint.getLayoutBounds().getWidth() <= room, "the hint \"" + hint.getText()
                + "\" needs " + hint.getLayoutBounds().getWidth() + " px, the field has " + room);
    }
}
