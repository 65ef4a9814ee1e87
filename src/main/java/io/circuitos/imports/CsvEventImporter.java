package io.circuitos.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circuitos.intake.IntakeRejection;
import io.circuitos.intake.IntakeService;
import io.circuitos.intake.IntakeService.Delivery;
import io.circuitos.intake.StartResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Bulk start: one agent instance per CSV row, streamed. Header names are the dotted paths of the
 * event's {@code data} (e.g. {@code opportunityId,amount,contact.email}); each row is validated
 * exactly like a webhook of that type and rows are started in batches, one transaction per batch.
 * A row's delivery id is the hash of its content, so uploading the same file again starts nothing.
 */
public class CsvEventImporter {

    public static final String SOURCE = "import";
    private static final int BATCH = 250;
    private static final int MAX_REPORTED_ERRORS = 1000;

    private final IntakeService intake;
    private final int parallelism;

    /**
     * @param parallelism batches started at the same time: a start spends most of its time waiting for
     *                    database round trips, so a few concurrent batches keep the cores busy
     */
    public CsvEventImporter(IntakeService intake, int parallelism) {
        this.intake = intake;
        this.parallelism = Math.max(1, parallelism);
    }

    public record RowError(long line, String field, String message) {
    }

    public record Report(long started, long duplicates, long rejected, List<RowError> errors) {
    }

    public Report importRows(String eventType, Reader csv) throws IOException {
        intake.route(null, eventType); // unknown type: reject the whole upload before reading it
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        long rejected = 0;
        List<RowError> errors = new ArrayList<>();
        List<Future<long[]>> started = new ArrayList<>();
        // a full queue makes the reading thread start the batch itself: back-pressure, bounded memory
        ThreadPoolExecutor starters = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(parallelism), new ThreadPoolExecutor.CallerRunsPolicy());
        try (CSVParser parser = format.parse(csv)) {
            List<String> header = parser.getHeaderNames();
            List<Delivery> batch = new ArrayList<>(BATCH);
            for (CSVRecord record : parser) {
                try {
                    batch.add(intake.prepare(SOURCE, deliveryId(eventType, record), event(eventType, header, record), false));
                } catch (IntakeRejection rejection) {
                    rejected++;
                    if (errors.size() < MAX_REPORTED_ERRORS) {
                        errors.add(new RowError(record.getParser().getCurrentLineNumber(), rejection.field(), rejection.getMessage()));
                    }
                }
                if (batch.size() == BATCH) {
                    started.add(submit(starters, batch));
                    batch = new ArrayList<>(BATCH);
                }
            }
            started.add(submit(starters, batch));
            long[] totals = new long[2];
            for (Future<long[]> counts : started) {
                long[] c = counts.get();
                totals[0] += c[0];
                totals[1] += c[1];
            }
            return new Report(totals[0], totals[1], rejected, errors);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            starters.shutdownNow();
        }
    }

    private Future<long[]> submit(ThreadPoolExecutor starters, List<Delivery> batch) {
        return starters.submit(() -> {
            long[] counts = new long[2];
            if (!batch.isEmpty()) {
                for (StartResult result : intake.startAll(SOURCE, batch)) {
                    counts[result.duplicate() ? 1 : 0]++;
                }
            }
            return counts;
        });
    }

    static JsonNode event(String eventType, List<String> header, CSVRecord record) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", eventType);
        ObjectNode data = event.putObject("data");
        for (String column : header) {
            String value = record.isSet(column) ? record.get(column) : null;
            if (value == null || value.isEmpty()) {
                continue;
            }
            String[] path = column.startsWith("data.") ? column.substring(5).split("\\.") : column.split("\\.");
            ObjectNode parent = data;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.has(path[i]) && parent.get(path[i]).isObject() ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
            }
            parent.put(path[path.length - 1], value);
        }
        return event;
    }

    private static String deliveryId(String eventType, CSVRecord record) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(eventType.getBytes(StandardCharsets.UTF_8));
            for (String value : record) {
                sha.update((byte) 0x1f);
                sha.update(value.getBytes(StandardCharsets.UTF_8));
            }
            return "row-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> summary(Report report) {
        return Map.of("started", report.started(), "duplicates", report.duplicates(), "rejected", report.rejected(),
                "errors", report.errors());
    }
}
