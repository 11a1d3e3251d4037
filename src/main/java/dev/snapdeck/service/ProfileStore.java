package dev.snapdeck.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The connection profiles shared by the dashboard and the CLI, kept in one JSON file (without
 * secrets) and which of them is active. Every method reads or writes the file, so a profile added
 * by the CLI shows up in a running dashboard at its next read.
 */
public final class ProfileStore {

    private final Path file;
    private final SharedFile shared;
    private final SecretStore secrets;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public ProfileStore(Path file, SecretStore secrets) {
        this.file = file;
        this.shared = new SharedFile(file, "connections file");
        this.secrets = secrets;
    }

    /**
     * Every saved profile, in the order they were added. Like every method here, fails with
     * {@link UnreadableFileException} when the file cannot be read or makes no sense; the file is
     * then left as it is, for the user to mend.
     */
    public synchronized List<ConnectionProfile> profiles() {
        return List.copyOf(read().profiles);
    }

    public synchronized Optional<ConnectionProfile> find(String name) {
        return read().profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The active profile; empty when none was chosen (the dashboard then uses the local server).
     * An active name that matches no profile is an error, not "none": quietly using the local
     * server instead would hide that the file was edited wrongly.
     */
    public synchronized Optional<ConnectionProfile> active() {
        Stored stored = read();
        if (stored.active == null) {
            return Optional.empty();
        }
        return Optional.of(stored.profiles.stream().filter(p -> p.name().equals(stored.active))
                .findFirst().orElseThrow(() -> UnreadableFileException.inconsistent(file,
                        "The active connection '" + stored.active + "' in " + file
                                + " is not among its profiles")));
    }

    /**
     * Adds or replaces {@code profile} (by name) and, when {@code secret} is given, its secret.
     * Both are saved or neither: the secret goes first, and is put back as it was when the
     * profile cannot be written, so a failure never leaves a profile without its secret.
     */
    public synchronized void save(ConnectionProfile profile, String secret) {
        shared.change(() -> {
            Stored stored = read();
            stored.profiles.removeIf(p -> p.name().equals(profile.name()));
            stored.profiles.add(profile);
            if (secret == null) {
                write(stored);
                return;
            }
            Optional<String> previous = secrets.get(profile.name());
            secrets.put(profile.name(), secret);
            try {
                write(stored);
            } catch (RuntimeException e) {
                restoreSecret(profile.name(), previous, e);
                throw e;
            }
        });
    }

    private void restoreSecret(String profile, Optional<String> previous, RuntimeException failure) {
        try {
            if (previous.isPresent()) {
                secrets.put(profile, previous.get());
            } else {
                secrets.remove(profile);
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    public synchronized void activate(String name) {
        shared.change(() -> {
            Stored stored = read();
            if (stored.profiles.stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("There is no connection named " + name);
            }
            stored.active = name;
            write(stored);
        });
    }

    /** Makes no profile active, so the dashboard and the CLI use the local server again. */
    public synchronized void deactivate() {
        shared.change(() -> {
            Stored stored = read();
            stored.active = null;
            write(stored);
        });
    }

    /**
     * Removes the profile and its secret; if it was active, no profile is active afterwards. The
     * secret goes first: when it cannot be removed (an unreadable secrets file), the profile
     * stays too, so the failure leaves everything as it was and the same logout can be repeated.
     */
    public synchronized void remove(String name) {
        shared.change(() -> {
            Stored stored = read();
            secrets.remove(name);
            stored.profiles.removeIf(p -> p.name().equals(name));
            if (name.equals(stored.active)) {
                stored.active = null;
            }
            write(stored);
        });
    }

    public Optional<String> secret(String profile) {
        return secrets.get(profile);
    }

    public SecretStore secrets() {
        return secrets;
    }

    private Stored read() {
        if (!Files.exists(file)) {
            return new Stored();
        }
        Stored stored;
        try {
            stored = json.readValue(file.toFile(), Stored.class);
        } catch (IOException e) {
            throw UnreadableFileException.reading("connections file", file, e);
        }
        if (stored == null) {
            throw UnreadableFileException.inconsistent(file, "Cannot read the connections file " + file
                    + ": it holds null instead of the connections");
        }
        if (stored.profiles == null) {
            stored.profiles = new ArrayList<>();
        }
        return stored;
    }

    private void write(Stored stored) {
        shared.replace(temporary -> json.writerWithDefaultPrettyPrinter()
                .writeValue(temporary.toFile(), stored));
    }

    /** The file's layout. */
    static final class Stored {
        public String active;
        public List<ConnectionProfile> profiles = new ArrayList<>();
    }
}
