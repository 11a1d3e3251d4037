package dev.snapdeck.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LogViewTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private LogView log;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        log = new LogView(background);
        stage.setScene(new Scene(log, 800, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void waitForLines(int count) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> log.lineCount() == count);
    }

    private static List<String> numbered(int from, int to) {
        List<String> lines = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            lines.add("step output line " + i + " loss=" + (i % 97) / 100.0);
        }
        return lines;
    }

    @Test
    void takes300000LinesInBatchesAndFindsOneNearTheEnd(FxRobot robot) throws Exception {
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            for (int from = 0; from < 300_000; from += 1_000) {
                log.appendLines(numbered(from, from + 1_000));
            }
        });

        producer.get(20, TimeUnit.SECONDS);
        waitForLines(300_000);
        AtomicInteger found = new AtomicInteger();
        robot.interact(() -> found.set(log.search("line 299990 ")));

        assertEquals(1, found.get());
        assertEquals(299_990, log.currentMatchLineProperty().get());
        assertTrue(log.line(299_990).startsWith("step output line 299990 "));
    }

    @Test
    void queuesAppendsInsteadOfApplyingThemAtOnce(FxRobot robot) throws Exception {
        AtomicInteger shownRightAfterAppend = new AtomicInteger(-1);

        robot.interact(() -> {
            log.appendLines(numbered(0, 10));
            shownRightAfterAppend.set(log.lineCount());
        });

        assertEquals(0, shownRightAfterAppend.get());
        waitForLines(10);
    }

    @Test
    void joinsChunksIntoWholeLines() throws Exception {
        log.append("first\nsec");
        log.append("ond\r\nthi");
        log.flushPartialLine();

        waitForLines(3);

        assertEquals(List.of("first", "second", "thi"), List.of(log.line(0), log.line(1),
                log.line(2)));
    }

    @Test
    void nextAndPreviousCycleThroughMatches(FxRobot robot) throws Exception {
        log.appendLines(List.of("error one", "fine", "ERROR two", "fine", "error three"));
        waitForLines(5);
        List<Integer> visited = new ArrayList<>();

        robot.interact(() -> {
            log.search("error");
            visited.add(log.currentMatchLineProperty().get());
            log.nextMatch();
            visited.add(log.currentMatchLineProperty().get());
            log.nextMatch();
            visited.add(log.currentMatchLineProperty().get());
            log.previousMatch();
            visited.add(log.currentMatchLineProperty().get());
        });

        assertEquals(List.of(4, 0, 2, 0), visited);
        assertEquals(3, log.matchCountProperty().get());
        assertEquals("error", robot.lookup("#" + LogView.SEARCH_ID).queryTextInputControl()
                .getText());
    }

    @Test
    void searchingStopsFollowingTheTail(FxRobot robot) throws Exception {
        log.appendLines(List.of("a", "needle", "b"));
        waitForLines(3);
        boolean followedBefore = log.followTailProperty().get();

        robot.clickOn("#" + LogView.SEARCH_ID).write("needle").type(KeyCode.ENTER);

        assertTrue(followedBefore);
        assertFalse(log.followTailProperty().get());
        assertEquals(1, log.currentMatchLineProperty().get());
    }

    @Test
    void pagingUpStopsFollowingTheTail(FxRobot robot) throws Exception {
        log.appendLines(numbered(0, 1_000));
        waitForLines(1_000);
        boolean followedBefore = log.followTailProperty().get();

        robot.clickOn("#" + LogView.LINES_ID).type(KeyCode.PAGE_UP);

        assertTrue(followedBefore);
        assertFalse(log.followTailProperty().get());
    }

    @Test
    void savesEveryShownLineToAFile(FxRobot robot, @TempDir Path dir) throws Exception {
        log.appendLines(numbered(0, 5_000));
        waitForLines(5_000);
        Path file = dir.resolve("step.log");

        Path written = WaitForAsyncUtils.asyncFx(() -> log.saveTo(file)).get()
                .get(10, TimeUnit.SECONDS);

        List<String> saved = Files.readAllLines(written, StandardCharsets.UTF_8);
        assertEquals(numbered(0, 5_000), saved);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> log.saveMessageProperty().get().startsWith("Saved 5000 lines"));
    }

    @Test
    void saysWhySavingFailed(@TempDir Path dir) throws Exception {
        log.appendLines(List.of("x"));
        waitForLines(1);
        Path impossible = dir.resolve("missing-folder").resolve("step.log");

        CompletableFuture<Path> result = WaitForAsyncUtils.asyncFx(() -> log.saveTo(impossible))
                .get();

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, result::isDone);
        assertTrue(result.isCompletedExceptionally());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> log.saveMessageProperty().get().contains("Could not save the log to "
                        + impossible));
    }
}
