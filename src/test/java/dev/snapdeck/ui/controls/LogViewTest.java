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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import dev.snapdeck.service.BackgroundExecutor;

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

    private BackgroundExecutor background;
    private LogView log;

    @Start
    void start(Stage stage) {
        background = BackgroundExecutor.create(Platform::runLater);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        log = new LogView(background);
        stage.setScene(new Scene(log, 800, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.close();
    }

    private void waitForLines(int count) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> log.lineCount() == count);
    }

    /** Searches on the FX thread and waits until the matches are shown. */
    private void searchAndWait(FxRobot robot, String text) throws Exception {
        robot.interact(() -> log.search(text));
        waitForSearch();
    }

    private void waitForSearch() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !log.searchingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void append300000Lines() throws Exception {
        CompletableFuture.runAsync(() -> {
            for (int from = 0; from < 300_000; from += 1_000) {
                log.appendLines(numbered(from, from + 1_000));
            }
        }).get(20, TimeUnit.SECONDS);
        waitForLines(300_000);
    }

    private static List<String> numbered(int from, int to) {
        List<String> lines = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            lines.add("step output line " + i + " loss=" + (i % 97) / 100.0);
        }
        return lines;
    }

    @Test
    void takes300000LinesInBatchesAndFindsOneNearTheEndOffTheFxThread(FxRobot robot)
            throws Exception {
        append300000Lines();
        AtomicBoolean busyRightAfterSearch = new AtomicBoolean();
        AtomicInteger countRightAfterSearch = new AtomicInteger(-1);

        robot.interact(() -> {
            log.search("line 299990 ");
            // The scan's answer can only come back in a later FX event: still busy here.
            busyRightAfterSearch.set(log.searchingProperty().get());
            countRightAfterSearch.set(log.matchCountProperty().get());
        });
        waitForSearch();

        assertTrue(busyRightAfterSearch.get());
        assertEquals(0, countRightAfterSearch.get());
        assertEquals(1, log.matchCountProperty().get());
        assertEquals(299_990, log.currentMatchLineProperty().get());
        assertTrue(log.line(299_990).startsWith("step output line 299990 "));
    }

    @Test
    void aNewQueryCancelsTheSearchStillRunning(FxRobot robot) throws Exception {
        append300000Lines();
        List<Integer> countsShown = new CopyOnWriteArrayList<>();
        log.matchCountProperty().addListener((obs, old, now) -> countsShown.add(now.intValue()));

        robot.interact(() -> {
            log.search("loss=0.5");
            log.search("line 12345 ");
        });
        waitForSearch();

        assertEquals(List.of(1), countsShown, "only the newest query's matches are shown");
        assertEquals(12_345, log.currentMatchLineProperty().get());
    }

    @Test
    void typingSearchesOnceTypingPauses(FxRobot robot) throws Exception {
        append300000Lines();

        focus(robot, LogView.SEARCH_ID);
        robot.write("line 299999 ");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> log.matchCountProperty().get() == 1);

        assertEquals(299_999, log.currentMatchLineProperty().get());
        assertEquals("1 matches", robot.lookup("#" + LogView.MATCHES_ID).queryLabeled().getText());
    }

    @Test
    void linesArrivingAfterASearchAreSearchedToo(FxRobot robot) throws Exception {
        log.appendLines(List.of("warn: disk", "ok"));
        waitForLines(2);
        searchAndWait(robot, "warn");

        log.appendLines(List.of("WARN: memory", "ok"));
        waitForLines(4);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> log.matchCountProperty().get() == 2);
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

        searchAndWait(robot, "error");
        robot.interact(() -> {
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

        focus(robot, LogView.SEARCH_ID);
        robot.write("needle").type(KeyCode.ENTER);
        waitForSearch();

        assertTrue(followedBefore);
        assertFalse(log.followTailProperty().get());
        assertEquals(1, log.currentMatchLineProperty().get());
    }

    /**
     * Focuses a part of the log on the FX thread, for the keys typed next. A click would measure
     * the scene from the test thread while the list's cells still change, which fails now and
     * then (IndexOutOfBoundsException in Parent's bounds).
     */
    private void focus(FxRobot robot, String id) {
        robot.interact(() -> log.lookup("#" + id).requestFocus());
    }

    @Test
    void pagingUpStopsFollowingTheTail(FxRobot robot) throws Exception {
        log.appendLines(numbered(0, 1_000));
        waitForLines(1_000);
        boolean followedBefore = log.followTailProperty().get();

        focus(robot, LogView.LINES_ID);
        robot.type(KeyCode.PAGE_UP);

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
