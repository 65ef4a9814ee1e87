package io.circuitos.ml;

import java.nio.file.Path;

/**
 * Keeps Weka from scanning for packages and classes and from creating {@code ~/wekafiles}: all
 * must be set before the first Weka class that reads them is loaded.
 */
public final class WekaEnvironment {

    private WekaEnvironment() {
    }

    public static void init() {
        System.setProperty("weka.packageManager.loadPackages", "false");
        // resolve classifier names directly: Weka's scheme discovery cannot scan the jars nested in
        // circuitos.jar and would refuse every class ("Can't find a permissible class")
        System.setProperty("weka.test.maventest", "true");
        if (System.getenv("WEKA_HOME") == null && System.getProperty("WEKA_HOME") == null) {
            System.setProperty("WEKA_HOME", Path.of(System.getProperty("java.io.tmpdir"), "circuitos-wekafiles").toString());
        }
    }
}
