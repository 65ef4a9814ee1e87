package io.circuitos.imports;

import io.circuitos.customers.Customer;
import io.circuitos.customers.CustomerColumn;
import io.circuitos.customers.CustomerStore;
import io.circuitos.imports.CsvUpload.RowError;
import io.circuitos.intake.IntakeRejection;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/imports/customers}: the Telco churn file's own columns ({@code customerID},
 * {@code gender}, ... {@code TotalCharges}, {@code Churn}), plus optional {@code Name}, {@code Email}
 * and {@code ChurnDate} (ISO date). The whole file is validated first: a bad row is reported with its
 * line in the file (header = line 1) and every field at fault, and then nothing is written. A valid
 * file is streamed again and written in batches, each batch one transaction. The customer id is the key: importing a file again updates, never duplicates.
 *
 * <p>Files without {@code ChurnDate} (the public Telco file has no dates) get a demo churn date for
 * churned customers: the import day minus (a hash of the customer id mod {@value #ASSIGNED_CHURN_SPREAD_DAYS})
 * days, so churn dates spread over four months and the same customer always gets the same date.
 * Files without {@code Email} get demo addresses {@code <customer id>@customers.example}.
 */
public class CustomerImporter {


    static final int ASSIGNED_CHURN_SPREAD_DAYS = 120;
    private static final int BATCH = 500;
    private static final int MAX_REPORTED_ERRORS = 1000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final CustomerStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CustomerImporter(CustomerStore store, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** {@code valid} is false when any row is bad: then nothing was imported and {@code errors} says why. */
    public record Report(long imported, long rejected, List<RowError> errors, List<String> assignedColumns, boolean valid) {
    }

    /**
     * Validates the whole file first (nothing is written when a row is bad), then writes it in batches.
     * A fault while writing throws {@link CsvEventImporter.ImportInterrupted} with the rows committed so far.
     */
    public Report importCsv(CsvUpload upload) throws IOException {
        LocalDate today = LocalDate.now(clock);
        boolean[] assign = new boolean[2];
        long[] rejected = new long[1];
        List<RowError> errors = new ArrayList<>();
        upload.read(header -> {
            checkHeader(Set.copyOf(header));
            assign[0] = !header.contains("ChurnDate");
            assign[1] = !header.contains("Email");
        }, (record, line) -> {
            List<RowError> rowErrors = new ArrayList<>();
            CsvUpload.RowError cell = CsvUpload.cellProblem(record, record.getParser().getHeaderNames(), line);
            if (cell != null) {
                rowErrors.add(cell);
            } else {
                read(record, line, rowErrors, today, assign[0], assign[1]);
            }
            if (!rowErrors.isEmpty()) {
                rejected[0]++;
                rowErrors.stream().limit(Math.max(0, MAX_REPORTED_ERRORS - errors.size())).forEach(errors::add);
            }
        });
        List<String> assigned = new ArrayList<>();
        if (assign[0]) {
            assigned.add("ChurnDate");
        }
        if (assign[1]) {
            assigned.add("Email");
        }
        if (rejected[0] > 0) {
            return new Report(0, rejected[0], errors, assigned, false);
        }
        return new Report(write(upload, today, assign[0], assign[1]), 0, List.of(), assigned, true);
    }

    private long write(CsvUpload upload, LocalDate today, boolean assignDates, boolean assignEmails) throws IOException {
        long[] imported = new long[1];
        List<List<Customer>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
        try {
            upload.read((record, line) -> {
                batch.get(0).add(read(record, line, new ArrayList<>(), today, assignDates, assignEmails));
                if (batch.get(0).size() == BATCH) {
                    imported[0] += write(batch.get(0));
                    batch.set(0, new ArrayList<>(BATCH));
                }
            });
            imported[0] += write(batch.get(0));
        } catch (RuntimeException fault) {
            throw new CsvEventImporter.ImportInterrupted(imported[0], fault);
        }
        return imported[0];
    }

    private int write(List<Customer> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        transactions.executeWithoutResult(tx -> store.upsertAll(batch, clock.instant()));
        return batch.size();
    }

    private static void checkHeader(Set<String> header) {
        List<String> required = new ArrayList<>(List.of("customerID", "Churn"));
        CustomerColumn.ALL.stream().filter(c -> c.required).forEach(c -> required.add(c.fileColumn));
        for (String column : required) {
            if (!header.contains(column)) {
                throw IntakeRejection.badField(column, "the file has no column '" + column + "' (header = line 1)");
            }
        }
    }

    private static Customer read(CSVRecord record, long line, List<RowError> errors, LocalDate today,
                                 boolean assignDates, boolean assignEmails) {
        String id = text(record, "customerID");
        if (id == null) {
            errors.add(new RowError(line, "customerID", "is required"));
        } else if (id.length() > 64) {
            errors.add(new RowError(line, "customerID", "is longer than 64 characters"));
        }
        Map<CustomerColumn, Object> attributes = new EnumMap<>(CustomerColumn.class);
        for (CustomerColumn column : CustomerColumn.ALL) {
            String value = text(record, column.fileColumn);
            if (value == null) {
                if (column.required) {
                    errors.add(new RowError(line, column.fileColumn, "is required"));
                }
                continue;
            }
            try {
                attributes.put(column, column.parse(value));
            } catch (CustomerColumn.InvalidValue invalid) {
                errors.add(new RowError(line, column.fileColumn, "'" + value + "' " + invalid.getMessage()));
            }
        }
        String churn = text(record, "Churn");
        if (churn == null || !(churn.equals("Yes") || churn.equals("No"))) {
            errors.add(new RowError(line, "Churn", churn == null ? "is required" : "'" + churn + "' must be one of [No, Yes]"));
        }
        String email = assignEmails ? (id == null ? null : id.toLowerCase() + "@customers.example") : text(record, "Email");
        if (email != null && (!EMAIL.matcher(email).matches() || email.length() > 320)) {
            errors.add(new RowError(line, "Email", "'" + email + "' must be an email address"));
        }
        String name = text(record, "Name");
        if (name != null && name.length() > 255) {
            errors.add(new RowError(line, "Name", "is longer than 255 characters"));
        }
        LocalDate churnedOn = null;
        String churnDateSource = null;
        if ("Yes".equals(churn) && errors.isEmpty()) {
            if (assignDates) {
                churnedOn = today.minusDays(Math.floorMod(id.hashCode(), ASSIGNED_CHURN_SPREAD_DAYS));
                churnDateSource = "assigned";
            } else {
                churnDateSource = "file";
                churnedOn = date(record, line, today, errors);
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Customer(id, name, email, attributes, "Yes".equals(churn) ? Customer.Status.CHURNED : Customer.Status.ACTIVE,
                churnedOn, churnDateSource);
    }

    private static LocalDate date(CSVRecord record, long line, LocalDate today, List<RowError> errors) {
        String text = text(record, "ChurnDate");
        if (text == null) {
            errors.add(new RowError(line, "ChurnDate", "is required when Churn is Yes"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(today)) {
                errors.add(new RowError(line, "ChurnDate", "'" + text + "' is in the future"));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new RowError(line, "ChurnDate", "'" + text + "' must be a date like 2026-11-02"));
            return null;
        }
    }

    private static String text(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
