package dev.snapdeck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;

import javafx.application.Platform;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import dev.snapdeck.server.DataFolderLock;

/**
 * The real {@code snapdeck} with no arguments (the dashboard), as a user starts it, for
 * {@link DashboardExitTest}: once its local server advertises itself and its window shows, the
 * window is closed as its close button would, and the server's URL is printed on standard output.
 * A non-daemon thread that never ends stands in for a library's (dbus-java's) so the test sees
 * whether the process ends anyway.
 */
public final class ClosingDashboardMain {

    private ClosingDashboardMain() {
    }

    public static void main(String[] args) {
        Thread lingering = new Thread(ClosingDashboardMain::waitForever, "lingering-non-daemon");
        lingering.start();
        Path serverFile = SnapdeckHome.resolve().server().resolve(DataFolderLock.SERVER_FILE);
        Thread closer = new Thread(() -> closeWhenServing(serverFile), "window-closer");
        closer.setDaemon(true);
        closer.start();
        Main.main(new String[0]);
    }

    private static void waitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeWhenServing(Path serverFile) {
        try {
            // Polling is the simplest watch here: this is the child, not the test's assertion.
            while (!Files.exists(serverFile) || !closeShownWindows()) {
                Thread.sleep(50);
            }
            System.out.println("serving " + Files.readString(serverFile));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    /** Asks every shown window to close, as its close button does; false while none shows. */
    private static boolean closeShownWindows() throws Exception {
        FutureTask<Boolean> close = new FutureTask<>(() -> {
            List<Window> shown = List.copyOf(Window.getWindows());
            for (Window window : shown) {
                WindowEvent request = new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST);
                window.fireEvent(request);
                if (!request.isConsumed()) {
                    window.hide();
                }
            }
            return !shown.isEmpty();
        });
        try {
            Platform.runLater(close);
        } catch (IllegalStateException toolkitNotStartedYet) {
            return false;
        }
        return close.get();
    }
}
