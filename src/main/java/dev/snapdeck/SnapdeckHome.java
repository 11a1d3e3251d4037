package dev.snapdeck;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Snapdeck keeps its data: {@code SNAPDECK_HOME} when set, else the platform's user data
 * folder ({@code %APPDATA%\Snapdeck} on Windows, {@code ~/Library/Application Support/Snapdeck} on
 * macOS, {@code $XDG_DATA_HOME/snapdeck} or {@code ~/.local/share/snapdeck} elsewhere).
 *
 * @param root the data folder; nothing is created until a caller writes into it
 */
public record SnapdeckHome(Path root) {

    public static final String ENVIRONMENT_VARIABLE = "SNAPDECK_HOME";

    /** The data folder for this process, from its environment. */
    public static SnapdeckHome resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    static SnapdeckHome resolve(Map<String, String> env, String osName, Path userHome) {
        String explicit = env.get(ENVIRONMENT_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return new SnapdeckHome(Path.of(explicit).toAbsolutePath());
        }

        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") && env.get("APPDATA") != null) {
            return new SnapdeckHome(Path.of(env.get("APPDATA"), "Snapdeck"));
        }
        if (os.startsWith("mac")) {
            return new SnapdeckHome(userHome.resolve("Library/Application Support/Snapdeck"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share");
        return new SnapdeckHome(base.resolve("snapdeck"));
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** The local server's own files: database, code archives, run folders. */
    public Path server() {
        return root.resolve("server");
    }

    /** Connection profiles shared by the dashboard and the CLI. */
    public Path profiles() {
        return root.resolve("profiles.json");
    }

    /** Secrets of the connection profiles when there is no system keychain (owner-only file). */
    public Path secrets() {
        return root.resolve("secrets.json");
    }
}
