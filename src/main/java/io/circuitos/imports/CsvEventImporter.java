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

    public CsvEventImporter(IntakeService intake) {
        this.intake = intake;
    }

    public record RowError(long line, String field, String message) {
    }

    public record Report(long started, long duplicates, long rejected, List<RowError> errors) {
    }

    public Report importRows(String eventType, Reader csv) throws IOException {
        intake.route(null, eventType); // unknown type: reject the whole upload before reading it
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        long started = 0;
        long duplicates = 0;
        long rejected = 0;
        List<RowError> errors = new ArrayList<>();
        List<Delivery> batch = new ArrayList<>(BATCH);
        try (CSVParser parser = format.parse(csv)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                long line = record.getParser().getCurrentLineNumber();
                try {
                    batch.add(intake.prepare(SOURCE, deliveryId(eventType, record), event(eventType, header, record), false));
                } catch (IntakeRejection rejection) {
                    rejected++;
                    if (errors.size() < MAX_REPORTED_ERRORS) {
                        errors.add(new RowError(line, rejection.field(), rejection.getMessage()));
                    }
                }
                if (batch.size() == BATCH) {
                    long[] counts = flush(batch);
                    started += counts[0];
                    duplicates += counts[1];
                }
            }
        }
        long[] counts = flush(batch);
        return new Report(started + counts[0], duplicates + counts[1], rejected, errors);
    }

    private long[] flush(List<Delivery> batch) {
        long[] counts = new long[2];
        if (batch.isEmpty()) {
            return counts;
        }
        for (StartResult result : intake.startAll(SOURCE, batch)) {
            counts[result.duplicate() ? 1 : 0]++;
        }
        batch.clear();
        return counts;
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
