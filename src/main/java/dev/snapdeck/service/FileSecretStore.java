package dev.snapdeck.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps secrets in a JSON file that only the current user can read or write (POSIX mode 0600, or
 * an owner-only ACL on Windows). The file is written to a temporary sibling with those
 * permissions first and then moved into place, so the secret never sits in a readable file.
 *
 * <p>This is where secrets go when there is no system keychain to hold them ({@link SecretStores}
 * chooses), and where a {@link KeychainSecretStore} finds the secrets saved before it was used.
 */
public final class FileSecretStore implements SecretStore {

    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final Path file;
    private final SharedFile shared;
    private final ObjectMapper json = new ObjectMapper();

    public FileSecretStore(Path file) {
        this.file = file;
        this.shared = new SharedFile(file, "secrets file");
    }

    /** Fails with {@link UnreadableFileException} when the file cannot be read or is not JSON. */
    @Override
    public synchronized Optional<String> get(String profile) {
        return Optional.ofNullable(read().get(profile));
    }

    @Override
    public synchronized void put(String profile, String secret) {
        shared.change(() -> {
            Map<String, String> secrets = read();
            secrets.put(profile, secret);
            write(secrets);
        });
    }

    @Override
    public synchronized void remove(String profile) {
        shared.change(() -> {
            Map<String, String> secrets = read();
            if (secrets.remove(profile) != null) {
                write(secrets);
            }
        });
    }

    /**
     * Hands every secret to {@code destination}, then deletes the file. When {@code destination}
     * fails, the file stays as it was, so a secret is never gone from both places.
     */
    synchronized void moveAllTo(BiConsumer<String, String> destination) {
        shared.change(() -> {
            Map<String, String> secrets = read();
            if (secrets.isEmpty()) {
                return;
            }
            secrets.forEach(destination);
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the secrets file " + file, e);
            }
        });
    }

    @Override
    public String describe() {
        return "a file only you can read: " + file;
    }

    private Map<String, String> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        Map<String, String> secrets;
        try {
            secrets = json.readValue(file.toFile(), MAP);
        } catch (IOException e) {
            throw UnreadableFileException.reading("secrets file", file, e);
        }
        if (secrets == null) {
            throw UnreadableFileException.inconsistent(file, "Cannot read the secrets file " + file
                    + ": it holds null instead of the secrets");
        }
        return secrets;
    }

    private void write(Map<String, String> secrets) {
        shared.replace(temporary -> {
            // SharedFile creates it owner-only where there are POSIX permissions; elsewhere its
            // ACL is narrowed to the owner here, before the first secret is written into it.
            restrictToOwner(temporary);
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), secrets);
        });
    }

    static void restrictToOwner(Path path) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path,
                PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-------"));
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) {
            throw new IOException("Cannot restrict who may read " + path
                    + ": the file system has neither POSIX permissions nor ACLs");
        }
        UserPrincipal owner = Files.getOwner(path);
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
    }
}
