package io.circuitos.ml;

import java.nio.file.Path;

/**
 * Keeps Weka from scanning for packages and from creating {@code ~/wekafiles}: both must be set
 * before the first Weka class that reads them is loaded.
 */
public final class WekaEnvironment {

    private WekaEnvironment() {
    }

    public static void init() {
        System.setProperty("weka.packageManager.loadPackages", "false");
        if (System.getenv("WEKA_HOME") == null && System.getProperty("WEKA_HOME") == null) {
            System.setProperty("WEKA_HOME", Path.of(System.getProperty("java.io.tmpdir"), "circuitos-wekafiles").toString());
        }
    }
}
