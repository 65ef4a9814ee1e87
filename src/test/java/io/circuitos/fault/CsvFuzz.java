package io.circuitos.fault;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Not a test: uploads N malformed CSV files (each a valid file with one random defect) to both imports
 * of a running instance. Passes when no answer is a 5xx and no refused upload wrote anything (customers,
 * deliveries). Run it through {@code bench/fault/csv-fuzz.sh}; bounded in count, 127.0.0.1 only.
 *
 * <p>Arguments: {@code baseUrl n jdbcUrl}.
 */
public final class CsvFuzz {

    private static final String LEADS = "opportunityId,amount,contact.email,contact.name,lossReason\n"
            + "FZ-%1$d-1,1200,ann@acme.example,Ann,price\nFZ-%1$d-2,300,bob@acme.example,\"Bob, Jr.\",timing\n";
    private static final String CUSTOMERS = "customerID,tenure,InternetService,Contract,MonthlyCharges,TotalCharges,Churn\n"
            + "FZC-%1$d-1,3,DSL,One year,20.5,61.5,No\nFZC-%1$d-2,10,Fiber optic,Month-to-month,90,900,Yes\n";
    private static final List<String> DEFECTS = List.of("\"", "\u0000", "\u001b", ",,,,,,,,", "1e400", "-5", "99999999999999", "\uFEFF",
            "\r", "x".repeat(5000), "\"\"\"", ".", "..", "\\", "\ud800");

    private CsvFuzz() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int n = Integer.parseInt(args[1]);
        Random random = new Random(20261201);
        HttpClient http = HttpClient.newHttpClient();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int halfWritten = 0;
        try (Connection db = DriverManager.getConnection(args[2])) {
            for (int i = 0; i < n; i++) {
                boolean customers = random.nextBoolean();
                String valid = (customers ? CUSTOMERS : LEADS).formatted(i);
                byte[] file = defect(valid, random);
                long before = count(db, customers);
                HttpResponse<String> answer = upload(http, baseUrl + (customers ? "/api/imports/customers" : "/api/imports/opportunity.closed_lost"), file);
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                long written = count(db, customers) - before;
                if (answer.statusCode() != 200 && written != 0) {
                    halfWritten++;
                    System.out.println("half-written: " + answer.statusCode() + " wrote " + written + " rows");
                }
                if (answer.statusCode() >= 500) {
                    System.out.println("5xx: " + answer.body());
                }
            }
        }
        int fiveXx = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("csv fuzz: %d uploads, statuses %s, 5xx %d, refused uploads that wrote rows %d%n", n, statuses, fiveXx, halfWritten);
        System.out.println(fiveXx == 0 && halfWritten == 0 ? "PASSED" : "FAILED");
        System.exit(fiveXx == 0 && halfWritten == 0 ? 0 : 1);
    }

    /** The valid file with one defect at a random place, or random bytes, or a truncated copy. */
    static byte[] defect(String valid, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> {
                byte[] bytes = new byte[1 + random.nextInt(2000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            default -> {
                int at = random.nextInt(valid.length());
                yield (valid.substring(0, at) + DEFECTS.get(random.nextInt(DEFECTS.size())) + valid.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static long count(Connection db, boolean customers) throws Exception {
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(customers ? "select count(*) from circuitos_customer"
                     : "select count(*) from circuitos_webhook_delivery where source = 'import'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static HttpResponse<String> upload(HttpClient http, String url, byte[] content) throws Exception {
        String boundary = "fuzz" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
