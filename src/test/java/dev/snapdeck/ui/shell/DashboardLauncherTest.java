package dev.snapdeck.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class DashboardLauncherTest {

    @Test
    void dropsOnlyJavaFxsWarningAboutTheClassPath() {
        Logger javafx = Logger.getLogger("javafx");
        List<String> published = new CopyOnWriteArrayList<>();
        Handler seen = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        javafx.addHandler(seen);
        try {
            DashboardLauncher.dropClassPathWarning();
            javafx.warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed "
                    + "module @1'");
            javafx.warning("Could not resolve '-fx-body-color' while resolving lookups");
        } finally {
            javafx.removeHandler(seen);
            javafx.setFilter(null);
        }

        assertEquals(List.of("Could not resolve '-fx-body-color' while resolving lookups"),
                published);
    }
}
