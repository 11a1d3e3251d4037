package dev.snapdeck.ui.snapshots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.snapdeck.api.ExecutionStatus;
import dev.snapdeck.api.Snapshot;
import dev.snapdeck.service.BackgroundExecutor;
import dev.snapdeck.ui.testing.FakeShell;
import dev.snapdeck.ui.testing.FakeWorkspace;
import dev.snapdeck.ui.testing.TableHeaders;

/**
 * The Snapshots table in the room a 1024x700 and a 1280x800 main window leave it beside the
 * sidebar and above the status bar: every column shown fits in the table with its header read
 * whole, and name, pipeline and latest run show their text, whole or ending in an ellipsis.
 */
class SnapshotsViewSizesTest {

    private static final Set<String> ESSENTIAL = Set.of("Name", "Pipeline", "Latest run");

    private final FakeWorkspace workspace = new FakeWorkspace();
    private final FakeShell shell = new FakeShell();
    private final BackgroundExecutor executor = BackgroundExecutor.create(Platform::runLater);
    private final FxRobot robot = new FxRobot();
    private TableView<SnapshotRow> table;

    @AfterEach
    void close() {
        executor.close();
    }

    @SuppressWarnings("unchecked")
    private void show(double width, double height) throws Exception {
        workspace.add(provisioning(FakeWorkspace.snapshot("iris-training-nightly-knn",
                FakeWorkspace.SERVER_VERSION)));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(new SnapshotsView(new SnapshotsViewModel(
                    shell.context(workspace, executor))), width, height));
            // The test stage is shared: an earlier test may have left it another size or place.
            stage.sizeToScene();
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        table = robot.lookup("#" + SnapshotsView.TABLE_ID).queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The snapshot with a run in its longest status, so the latest-run text is at its widest. */
    private static Snapshot provisioning(Snapshot s) {
        return new Snapshot(s.id(), s.name(), s.created(), s.updated(), s.runnable(),
                s.deployable(), s.dynamic(), s.pipelineId(), s.pipeline(), s.stack(), s.build(),
                s.user(), s.tags(), s.latestRunId(), ExecutionStatus.PROVISIONING,
                s.description(), s.runNameTemplate(), s.serverVersion(), s.clientVersion(),
                s.sourceSnapshotId(), s.stepNames(), s.pipelineConfiguration(),
                s.configTemplate(), s.configSchema());
    }

    @ParameterizedTest(name = "content {0}x{1}")
    @CsvSource({"830, 672", "1086, 772"})
    void everyHeaderShownIsReadWholeInsideTheTable(double width, double height)
            throws Exception {
        show(width, height);
        TableHeaders.assertShownWholeInside(robot, table, ESSENTIAL);
    }

    @ParameterizedTest(name = "content {0}x{1}")
    @CsvSource({"830, 672", "1086, 772"})
    void namePipelineAndLatestRunShowTheirText(double width, double height) throws Exception {
        show(width, height);
        double tableEnd = table.localToScene(table.getBoundsInLocal()).getMaxX();

        for (TableColumn<SnapshotRow, ?> column : table.getColumns()) {
            if (!ESSENTIAL.contains(column.getText())) {
                continue;
            }
            String full = String.valueOf(column.getCellData(0));
            TableCell<?, ?> cell = robot.from(table).lookup((TableCell<?, ?> c) ->
                    c.getTableColumn() == column && c.getIndex() == 0).queryAs(TableCell.class);
            String shown = TableHeaders.shownText(robot, cell);
            String ellipsis = cell.getEllipsisString();
            String kept = shown.endsWith(ellipsis) ? shown.substring(0,
                    shown.length() - ellipsis.length()) : "";

            assertTrue(shown.equals(full) || kept.length() >= 3 && full.startsWith(kept),
                    column.getText() + " shows \"" + shown + "\" of \"" + full + "\"");
            assertTrue(cell.localToScene(cell.getBoundsInLocal()).getMaxX() <= tableEnd + 0.5,
                    column.getText() + " ends outside the table");
        }
    }
}
