package io.circuitos.fault;

import io.circuitos.support.SignedWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Not a test: fires N validly signed but malformed webhooks (plus unsigned garbage) at a running instance,
 * every source and route, and counts the answers. Passes when no answer is a 5xx and the delivery table
 * grew by exactly the number of accepted (202, not duplicate) deliveries. Run it through
 * {@code bench/fault/intake-fuzz.sh}; bounded in count, 127.0.0.1 only.
 *
 * <p>Arguments: {@code baseUrl n jdbcUrl}.
 */
public final class IntakeFuzz {

    private static final Map<String, String> SECRETS = Map.of(
            "crm", SignedWebhooks.CRM_SECRET,
            "forms", "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1mb3Jtcy1zZWNyZXQtMDE=",
            "helpdesk", "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1oZWxwZGVzay1zZWNyZXQtMDE=",
            "billing", "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1iaWxsaW5nLXNlY3JldC0wMQ==",
            "email", "whsec_Y2lyY3VpdG9zLURFTU8tT05MWS1lbWFpbC1zZWNyZXQtMDE=");
    private static final List<String[]> SEEDS = List.of(
            new String[] {"crm", SignedWebhooks.closedLost("FUZZ-OPP")},
            new String[] {"forms", "{\"type\":\"licensing.application_submitted\",\"data\":{\"applicationId\":\"FUZZ-APP\",\"applicant\":{\"email\":\"a@b.example\",\"name\":\"A\"},\"liquidCapital\":150000,\"yearsExperience\":6,\"passionScore\":8,\"ownsGym\":true,\"gymSqft\":3500}}"},
            new String[] {"helpdesk", "{\"type\":\"support.ticket_created\",\"data\":{\"ticketId\":\"FUZZ-T\",\"subject\":\"s\",\"text\":\"my invoice is wrong\",\"customer\":{\"email\":\"c@d.example\",\"tier\":\"vip\"},\"handoffScore\":10}}"},
            new String[] {"billing", "{\"type\":\"customer.updated\",\"data\":{\"customerId\":\"FUZZ-C\",\"tenure\":3,\"internetService\":\"DSL\",\"contract\":\"One year\",\"monthlyCharges\":20.5}}"},
            new String[] {"crm", "{\"type\":\"winback.campaign_requested\",\"data\":{\"campaignId\":\"FUZZ-WB\",\"topN\":1,\"budget\":1}}"},
            new String[] {"email", "{\"type\":\"email.opened\",\"data\":{\"campaignId\":\"FUZZ-WB\",\"customerId\":\"FUZZ-C\"}}"});
    private static final List<String> NASTY = List.of("\\u0000", "\\u001b[2J", "1e400", "-1e400", "1e20", "99999999999999999999999",
            "\"" + "x".repeat(5000) + "\"", "[]", "{}", "null", "true", "\"\\ud800\"", "\"../../etc/passwd\"", "\"${jndi:ldap://x}\"",
            "\"<script>alert(1)</script>\"", "0x10", "NaN", "\"\"", "-0", "1.7976931348623157E309");

    private IntakeFuzz() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int n = Integer.parseInt(args[1]);
        java.sql.Connection db = java.sql.DriverManager.getConnection(args[2]);
        long rowsBefore = deliveries(db);
        Random random = new Random(20261201);
        HttpClient http = HttpClient.newHttpClient();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int accepted = 0;
        for (int i = 0; i < n; i++) {
            String[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
            String source = seed[0];
            String body = mutate(seed[1], random);
            String id = random.nextInt(50) == 0 ? "msg_" + "i".repeat(300) : "fuzz_" + i + "_" + System.nanoTime();
            String contentType = switch (random.nextInt(40)) {
                case 0 -> "*/*";
                case 1 -> "text/plain";
                case 2 -> "application/*";
                default -> "application/json";
            };
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/webhooks/" + source))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (random.nextInt(10) > 0) { // 90 % signed, the rest unsigned garbage
                long now = Instant.now().getEpochSecond();
                request.header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                        .header("webhook-signature", new com.standardwebhooks.Webhook(SECRETS.get(source)).sign(id, now, body));
            } else {
                request.header("webhook-id", id).header("webhook-timestamp", "0").header("webhook-signature", "v1," + Base64.getEncoder()
                        .encodeToString(body.getBytes(StandardCharsets.UTF_8)).substring(0, Math.min(8, body.length())));
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 202 && !answer.body().contains("\"duplicate\":true")) {
                accepted++;
            }
            if (answer.statusCode() >= 500) {
                System.out.println("5xx for " + source + " " + body.substring(0, Math.min(300, body.length())) + " -> " + answer.body());
            }
        }
        long rowsWritten = deliveries(db) - rowsBefore;
        int fiveXx = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("intake fuzz: %d requests, statuses %s, 5xx %d, accepted %d, delivery rows written %d%n",
                n, statuses, fiveXx, accepted, rowsWritten);
        if (fiveXx > 0 || rowsWritten != accepted) {
            System.out.println("FAILED: a 5xx was answered or a rejected request left a row");
            System.exit(1);
        }
        System.out.println("PASSED");
    }

    /** One random change to a valid event: a field's value replaced, removed or nested, or the JSON broken. */
    static String mutate(String event, Random random) {
        Function<String, String> change = switch (random.nextInt(8)) {
            case 0 -> e -> e.substring(0, random.nextInt(e.length()));                       // truncated JSON
            case 1 -> e -> e.replaceFirst("\"type\":\"[^\"]+\"", "\"type\":\"fuzz.unknown\"");
            case 2 -> e -> e.replaceFirst(":\\s*\"[^\"]*\"", ":{\"nested\":" + "[".repeat(random.nextInt(3000)) + "]".repeat(0) + "}");
            case 3 -> e -> new String(randomBytes(random), StandardCharsets.ISO_8859_1);
            default -> e -> replaceValue(e, random, NASTY.get(random.nextInt(NASTY.size())));
        };
        return change.apply(event);
    }

    private static String replaceValue(String event, Random random, String value) {
        java.util.regex.Matcher values = java.util.regex.Pattern.compile(":\\s*(\"[^\"]*\"|-?[0-9.eE+]+|true|false)").matcher(event);
        List<int[]> spans = new java.util.ArrayList<>();
        while (values.find()) {
            spans.add(new int[] {values.start(1), values.end(1)});
        }
        if (spans.isEmpty()) {
            return event;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String replacement = value.startsWith("\"") || value.matches("-?[0-9.eE+x]+|true|false|null|NaN|\\[\\]|\\{\\}") ? value : "\"" + value + "\"";
        return event.substring(0, span[0]) + replacement + event.substring(span[1]);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(512)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static long deliveries(java.sql.Connection db) throws java.sql.SQLException {
        try (var statement = db.createStatement(); var rows = statement.executeQuery("select count(*) from circuitos_webhook_delivery")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
