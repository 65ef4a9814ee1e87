package io.circuitos.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circuitos.intake.IntakeRejection;
import io.circuitos.intake.IntakeService;
import io.circuitos.intake.IntakeService.Delivery;
import io.circuitos.intake.StartResult;
import java.io.IOException;
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
import org.apache.commons.csv.CSVRecord;

/**
 * Bulk start: one agent instance per CSV row, streamed. Header names are the dotted paths of the
 * event's {@code data} (e.g. {@code opportunityId,amount,contact.email}); each row is validated
 * exactly like a webhook of that type and rows are started in batches, one transaction per batch.
 * A row's delivery id is the hash of its content, so uploading the same file again starts nothing.
 */
public class CsvEventImporter {

    public static final String SOURCE = "import";
    private static final int MAX_REPORTED_ERRORS = 1000;

    private final IntakeService intake;
    private final int parallelism;
    private final int batchSize;

    /**
     * @param parallelism batches started at the same time: a start spends most of its time waiting for
     *                    database round trips, so a few concurrent batches keep the cores busy
     * @param batchSize   rows started in one transaction
     */
    public CsvEventImporter(IntakeService intake, int parallelism, int batchSize) {
        this.intake = intake;
        this.parallelism = Math.max(1, parallelism);
        this.batchSize = Math.max(1, batchSize);
    }

    /** {@code valid} is false when any row is bad: then nothing was started and {@code errors} says why. */
    public record Report(long started, long duplicates, long rejected, List<CsvUpload.RowError> errors, boolean valid) {
    }

    /**
     * Validates every row first (nothing is started when one is bad), then starts them in batches. A fault
     * while starting (the database going away) throws {@link ImportInterrupted} with the rows committed so far.
     */
    public Report importRows(String eventType, CsvUpload upload) throws IOException {
        intake.route(null, eventType); // unknown type: reject the whole upload before reading it
        long[] rows = new long[2];
        List<CsvUpload.RowError> errors = new ArrayList<>();
        upload.read((record, line) -> {
            rows[0]++;
            CsvUpload.RowError problem = validate(eventType, record, line);
            if (problem != null) {
                rows[1]++;
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(problem);
                }
            }
        });
        if (rows[1] > 0) {
            return new Report(0, 0, rows[1], errors, false);
        }
        return start(eventType, upload);
    }

    private CsvUpload.RowError validate(String eventType, CSVRecord record, long line) {
        List<String> header = record.getParser().getHeaderNames();
        CsvUpload.RowError cell = CsvUpload.cellProblem(record, header, line);
        if (cell != null) {
            return cell;
        }
        try {
            intake.prepare(SOURCE, deliveryId(eventType, record), event(eventType, header, record), false);
            return null;
        } catch (IntakeRejection rejection) {
            return new CsvUpload.RowError(line, rejection.field(), rejection.getMessage());
        }
    }

    private Report start(String eventType, CsvUpload upload) throws IOException {
        List<Future<long[]>> started = new ArrayList<>();
        // a full queue makes the reading thread start the batch itself: back-pressure, bounded memory
        ThreadPoolExecutor starters = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(parallelism), new ThreadPoolExecutor.CallerRunsPolicy());
        RuntimeException fault = null;
        try {
            List<List<Delivery>> batch = new ArrayList<>(List.of(new ArrayList<>(batchSize)));
            upload.read((record, line) -> {
                batch.get(0).add(intake.prepare(SOURCE, deliveryId(eventType, record), event(eventType, record.getParser().getHeaderNames(), record),
                        false));
                if (batch.get(0).size() == batchSize) {
                    started.add(submit(starters, batch.get(0)));
                    batch.set(0, new ArrayList<>(batchSize));
                }
            });
            started.add(submit(starters, batch.get(0)));
        } catch (RuntimeException e) {
            fault = e;
        }
        long[] totals = new long[2];
        for (Future<long[]> counts : started) {
            try {
                long[] c = counts.get();
                totals[0] += c[0];
                totals[1] += c[1];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("import interrupted", e);
            } catch (ExecutionException e) {
                fault = fault != null ? fault : e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
        starters.shutdownNow();
        if (fault != null) {
            throw new ImportInterrupted(totals[0] + totals[1], fault);
        }
        return new Report(totals[0], totals[1], 0, List.of(), true);
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

    /** Writing stopped part way (a fault, not the file): {@code committed} rows are stored, uploading again is safe. */
    public static class ImportInterrupted extends RuntimeException {
        private final long committed;

        public ImportInterrupted(long committed, RuntimeException cause) {
            super("the import stopped after " + committed + " committed rows: " + cause.getMessage(), cause);
            this.committed = committed;
        }

        public long committed() {
            return committed;
        }
    }
}
