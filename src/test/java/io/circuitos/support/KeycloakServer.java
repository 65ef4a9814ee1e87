package io.circuitos.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Keycloak for the identity tests: the one at {@code CIRCUITOS_TEST_KEYCLOAK_URL} (realm
 * {@code keycloak/circuitos-realm.json} imported, bootstrap admin {@code admin}/{@code CIRCUITOS_TEST_KEYCLOAK_ADMIN_PASSWORD}),
 * else Maven Central's server distribution that the build unpacks into {@code target/keycloak}, started once
 * per test JVM in dev mode on the machine's Java 25 ({@code CIRCUITOS_KEYCLOAK_JAVA_HOME}, default
 * {@code /usr/lib/jvm/temurin-25-jdk-amd64}) with the repository's realm imported, and stopped when the JVM ends.
 */
public final class KeycloakServer {

    public static final String CLIENT_ID = "circuitos";
    /** DEMO VALUE of keycloak/circuitos-realm.json. */
    public static final String CLIENT_SECRET = "circuitos-DEMO-ONLY-client-secret";
    private static final String ADMIN = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer running;

    private final String url;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newHttpClient();

    private KeycloakServer(String url, String adminPassword) {
        this.url = url;
        this.adminPassword = adminPassword;
    }

    public static synchronized KeycloakServer get() {
        if (running == null) {
            String external = System.getenv("CIRCUITOS_TEST_KEYCLOAK_URL");
            running = external != null && !external.isBlank()
                    ? new KeycloakServer(external, System.getenv().getOrDefault("CIRCUITOS_TEST_KEYCLOAK_ADMIN_PASSWORD", "admin"))
                    : start();
        }
        return running;
    }

    private static KeycloakServer start() {
        Path home = Path.of(System.getProperty("circuitos.test.keycloak-home", "target/keycloak/keycloak"));
        Path javaHome = Path.of(System.getenv().getOrDefault("CIRCUITOS_KEYCLOAK_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh")) || !Files.isExecutable(javaHome.resolve("bin/java"))) {
            throw new IllegalStateException("The Keycloak tests need a Keycloak server: set CIRCUITOS_TEST_KEYCLOAK_URL, or let the build "
                    + "unpack org.keycloak:keycloak-quarkus-dist into " + home + " (mvn verify does) and point CIRCUITOS_KEYCLOAK_JAVA_HOME "
                    + "at a Java 21+ (now " + javaHome + ")");
        }
        try {
            // a server killed before it stopped leaves its dev database, whose admin has that run's password: start afresh
            org.springframework.util.FileSystemUtils.deleteRecursively(home.resolve("data/h2"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(Path.of("keycloak/circuitos-realm.json"), imports.resolve("circuitos-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            int port = Ports.free();
            String password = "admin-" + Long.toHexString(System.nanoTime());
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                    "--http-port=" + port, "--http-management-port=" + Ports.free(), "--log-level=warn")
                    .redirectErrorStream(true).redirectOutput(Path.of("target/keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
            Instant started = Instant.now();
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }));
            KeycloakServer server = new KeycloakServer("http://127.0.0.1:" + port, password);
            server.awaitRealm(process, Duration.ofMinutes(4));
            System.out.printf("Keycloak started in %d s (target/keycloak.log)%n", Duration.between(started, Instant.now()).toSeconds());
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak from " + home, e);
        }
    }

    private void awaitRealm(Process process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see target/keycloak.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("Keycloak did not answer within " + timeout + ", see target/keycloak.log");
    }

    public String url() {
        return url;
    }

    public String issuer() {
        return url + "/realms/circuitos";
    }

    /** An access token by the password grant of {@code client} in {@code realm}. */
    public String accessToken(String realm, String client, String secret, String user, String password) {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "password", "client_id", client,
                "username", user, "password", password));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        JsonNode answer = postForm(url + "/realms/" + realm + "/protocol/openid-connect/token", form);
        if (!answer.hasNonNull("access_token")) {
            throw new IllegalStateException("no token for " + user + ": " + answer);
        }
        return answer.get("access_token").asText();
    }

    public String accessToken(String user) {
        return accessToken("circuitos", CLIENT_ID, CLIENT_SECRET, user, user);
    }

    /** Calls Keycloak's admin REST API as the bootstrap admin; answers the status code. */
    public int admin(String method, String path, String json) {
        return adminCall(method, path, json).statusCode();
    }

    /** Lets the circuitos client redirect back to an application on this loopback port (tests run on random ports). */
    public void allowRedirectsTo(int port) {
        try {
            JsonNode client = JSON.readTree(adminCall("GET", "/circuitos/clients?clientId=" + CLIENT_ID, null).body()).get(0);
            String patterns = "http://127.0.0.1:" + port + "/*";
            com.fasterxml.jackson.databind.node.ObjectNode update = JSON.createObjectNode();
            update.putArray("redirectUris").add("http://localhost:8080/*").add(patterns);
            update.putObject("attributes").put("post.logout.redirect.uris", "http://localhost:8080/*##" + patterns);
            int status = admin("PUT", "/circuitos/clients/" + client.get("id").asText(), update.toString());
            if (status != 204) {
                throw new IllegalStateException("cannot update the circuitos client's redirect URIs: " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> adminCall(String method, String path, String json) {
        String token = accessToken("master", "admin-cli", null, ADMIN, adminPassword);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms" + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode postForm(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
