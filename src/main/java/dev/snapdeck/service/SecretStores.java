package dev.snapdeck.service;

import java.nio.file.Path;
import java.time.Duration;

import dev.snapdeck.SnapdeckHome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses where the secrets of connection profiles are kept: the one place that decides. */
public final class SecretStores {

    private static final Logger LOG = LoggerFactory.getLogger(SecretStores.class);

    /**
     * How long the keychain may take to answer the probe. A missing bus fails at once; this is
     * for one that accepts a connection and never answers. It also covers a first connection on
     * a busy machine, which loads the D-Bus classes and takes about a second.
     */
    static final Duration PROBE_LIMIT = Duration.ofSeconds(5);

    /** How long any later keychain call may take: long enough to type an unlock password. */
    static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    private SecretStores() {
    }

    /**
     * The secret store for the profiles of {@code home}: the system keychain when a round trip
     * through it works, else an owner-only file in {@code home}. Its
     * {@link SecretStore#describe()} tells the user which.
     *
     * <p>The choice is made on first use, not here, so that building a profile store (which the
     * dashboard does on the JavaFX thread) never waits for the keychain. The first use waits at
     * most {@link #PROBE_LIMIT} for it.
     */
    public static SecretStore forHome(SnapdeckHome home) {
        Keychain keychain = new OsKeychain(serviceName(home), PROBE_LIMIT, CALL_LIMIT);
        return new DeferredSecretStore(() -> choose(home.secrets(), keychain));
    }

    /**
     * The name the keychain files this data folder's secrets under. Profiles belong to a data
     * folder, so their secrets do too: a second data folder ({@code SNAPDECK_HOME}) with a profile
     * of the same name must not overwrite the first one's secret.
     */
    static String serviceName(SnapdeckHome home) {
        return "Snapdeck " + home.root().toAbsolutePath();
    }

    /** The keychain store when {@code keychain} passes its probe, else the file store. */
    static SecretStore choose(Path file, Keychain keychain) {
        FileSecretStore fileStore = new FileSecretStore(file);
        try {
            keychain.probe();
        } catch (RuntimeException e) {
            LOG.info("No usable system keychain ({}); secrets are kept in {}", e.getMessage(), file);
            LOG.debug("Keychain probe failure", e);
            return fileStore;
        }
        LOG.info("Secrets are kept in the system keychain ({})", keychain.name());
        return new KeychainSecretStore(keychain, fileStore);
    }
}
