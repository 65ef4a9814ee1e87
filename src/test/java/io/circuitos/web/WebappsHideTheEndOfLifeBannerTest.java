package io.circuitos.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Camunda 7.24 CE's webapps show a "time to migrate to Camunda 8" banner that no setting turns off; each app's user
 * stylesheet (the webapps' documented customisation point) hides it. The stylesheet must be the one the app serves
 * (ours comes before the webjar's on the class path), and the banner must still be the element the rule names: an
 * engine update that renames it fails here instead of bringing the banner back unnoticed (decision 0015).
 */
class WebappsHideTheEndOfLifeBannerTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theServedUserStylesheetHidesTheBanner(String app) throws IOException {
        List<URL> stylesheets = Collections.list(getClass().getClassLoader().getResources(APP + app + "/styles/user-styles.css"));

        assertThat(stylesheets).as("ours and the webjar's").hasSize(2);
        assertThat(stylesheets.get(0).getProtocol()).as("the first one found is the one served: ours, not the webjar's").isEqualTo("file");
        assertThat(read(stylesheets.get(0)).replaceAll("\\s+", " ")).contains(".ce-eol-banner { display: none; }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theWebjarStillRendersTheBannerAsThatElement(String app) throws IOException {
        URL bootstrap = getClass().getClassLoader().getResource(APP + app + "/camunda-" + app + "-bootstrap.js");

        assertThat(bootstrap).as("the webjar's " + app + " bootstrap").isNotNull();
        assertThat(read(bootstrap)).contains("ng-if=\"isCommunityEdition\" class=\"ce-eol-banner\"");
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
