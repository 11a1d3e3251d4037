package dev.snapdeck.service;

import java.nio.file.Path;

import dev.snapdeck.SnapdeckHome;

/**
 * Prints where the secrets of the data folder named by its argument would be kept; run as a process
 * of its own by {@link SecretStoreChoiceProcessTest}.
 */
public final class PrintSecretStore {

    private PrintSecretStore() {
    }

    public static void main(String[] args) {
        System.out.println(SecretStores.forHome(new SnapdeckHome(Path.of(args[0]))).describe());
    }
}
