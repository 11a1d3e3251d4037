package dev.snapdeck.service;

import java.nio.file.Path;

import dev.snapdeck.service.ConnectionProfile.SignIn;

/**
 * Saves connections {@code <prefix>-0} to {@code <prefix>-<count-1>}, each with its secret, into
 * the files of the folder args[0] (the owner-only secrets file, never a keychain); run as a
 * process of its own by {@link SharedFileConcurrencyTest}. Args: folder, prefix, count.
 */
public final class SaveConnections {

    private SaveConnections() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        save(folder, args[1], Integer.parseInt(args[2]));
    }

    static void save(Path folder, String prefix, int count) {
        ProfileStore profiles = new ProfileStore(folder.resolve("profiles.json"),
                new FileSecretStore(folder.resolve("secrets.json")));
        for (int i = 0; i < count; i++) {
            String name = prefix + "-" + i;
            profiles.save(new ConnectionProfile(name, "http://127.0.0.1:8237", SignIn.TOKEN, null),
                    "secret-of-" + name);
            profiles.activate(name);
        }
    }
}
