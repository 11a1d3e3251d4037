package dev.snapdeck.service;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keychain through java-keyring: the Secret Service over D-Bus on Linux
 * (GNOME Keyring, KeePassXC, …), else KWallet, the macOS Keychain, the Windows Credential Manager.
 *
 * <p>Each call opens the keychain and closes it again. An open Secret Service connection keeps
 * threads alive that would stop a command-line process from exiting, and secrets are read
 * seldom enough (on connecting, on saving a profile) that a connection each time costs nothing
 * a user notices. Each call is also bounded in time ({@link TimeLimit}): a bus that accepts a
 * connection and never answers must not freeze the dashboard or the CLI.
 *
 * <p>TODO: a call given up on leaves its half-open D-Bus connection behind, and dbus-java's sender
 * thread is not a daemon; java-keyring offers no way to abandon a connection from another thread.
 * The CLI and the dashboard both end with {@code System.exit}, so it cannot keep a process alive,
 * but it lives until then.
 */
final class OsKeychain implements Keychain {

    private static final Logger LOG = LoggerFactory.getLogger(OsKeychain.class);

    private final String service;
    private final Duration probeLimit;
    private final Duration callLimit;
    private volatile String name = "system keychain";

    /**
     * @param service    the service name the entries are filed under, one per data folder, so
     *                   that two data folders (or a test) never share or overwrite secrets
     * @param probeLimit how long {@link #probe()} waits before the keychain counts as missing
     * @param callLimit  how long every other call waits; longer, because the keychain may ask
     *                   the user to unlock it first
     */
    OsKeychain(String service, Duration probeLimit, Duration callLimit) {
        this.service = service;
        this.probeLimit = probeLimit;
        this.callLimit = callLimit;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void probe() {
        String account = "snapdeck-probe-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        TimeLimit.call("reach the system keychain", probeLimit, () -> {
            try (Keyring keyring = Keyring.create()) {
                keyring.setPassword(service, account, secret);
                String readBack = keyring.getPassword(service, account);
                keyring.deletePassword(service, account);
                if (!secret.equals(readBack)) {
                    throw new IOException("the keychain gave back another secret than it was given");
                }
                name = nameOf(keyring.getKeyringStorageType());
            }
            return null;
        });
    }

    /**
     * Java-keyring reports "there is no such entry" and "this entry cannot be read" with the same
     * exception, so a secret that cannot be read counts as missing here: the user is asked to
     * sign in again, which loses nothing. The reason goes to the log.
     */
    @Override
    public Optional<String> find(String account) {
        return TimeLimit.call("read the secret of '" + account + "' from the " + name, callLimit,
                () -> {
                    try (Keyring keyring = Keyring.create()) {
                        return Optional.of(keyring.getPassword(service, account));
                    } catch (PasswordAccessException e) {
                        LOG.debug("No secret for '{}' in the {}: {}", account, name, e.getMessage());
                        return Optional.empty();
                    }
                });
    }

    @Override
    public void store(String account, String secret) {
        TimeLimit.call("store the secret of '" + account + "' in the " + name, callLimit, () -> {
            try (Keyring keyring = Keyring.create()) {
                keyring.setPassword(service, account, secret);
            }
            return null;
        });
    }

    /** As with {@link #find}, a failed delete looks like a missing entry, so it checks the result. */
    @Override
    public void delete(String account) {
        TimeLimit.call("delete the secret of '" + account + "' from the " + name, callLimit, () -> {
            try (Keyring keyring = Keyring.create()) {
                deleteIfPresent(keyring, account);
            }
            return null;
        });
    }

    private void deleteIfPresent(Keyring keyring, String account) throws IOException {
        try {
            keyring.deletePassword(service, account);
        } catch (PasswordAccessException deleteFailed) {
            try {
                keyring.getPassword(service, account);
            } catch (PasswordAccessException gone) {
                return;
            }
            throw new IOException(deleteFailed.getMessage(), deleteFailed);
        }
    }

    private static String nameOf(KeyringStorageType type) {
        switch (type) {
            case GNOME_KEYRING:
                return "Secret Service";
            case KWALLET:
                return "KWallet";
            case WINDOWS_CREDENTIAL_STORE:
                return "Windows Credential Manager";
            default:
                return "macOS Keychain";
        }
    }
}
