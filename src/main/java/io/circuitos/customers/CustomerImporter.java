package io.circuitos.customers;

import io.circuitos.intake.IntakeRejection;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/imports/customers}: the Telco churn file's own columns ({@code customerID},
 * {@code gender}, ... {@code TotalCharges}, {@code Churn}), plus optional {@code Name}, {@code Email}
 * and {@code ChurnDate} (ISO date). Streamed and written in batches, each batch one transaction; a
 * bad row is reported with its line in the file (header = line 1) and every field at fault, and the
 * rest is imported. The customer id is the key: importing a file again updates, never duplicates.
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

    public record RowError(long line, String field, String message) {
    }

    public record Report(long imported, long rejected, List<RowError> errors, List<String> assignedColumns) {
    }

    public Report importCsv(Reader csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(csv)) {
            Set<String> header = Set.copyOf(parser.getHeaderNames());
            checkHeader(header);
            boolean assignDates = !header.contains("ChurnDate");
            boolean assignEmails = !header.contains("Email");
            LocalDate today = LocalDate.now(clock);
            long imported = 0;
            long rejected = 0;
            List<RowError> errors = new ArrayList<>();
            List<Customer> batch = new ArrayList<>(BATCH);
            java.util.Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (java.io.UncheckedIOException | IllegalStateException unreadable) {
                    // broken quoting: nothing after this point can be read reliably; what came before stays imported
                    rejected++;
                    errors.add(new RowError(parser.getCurrentLineNumber() + 1, "file", "unreadable CSV, import stopped here: "
                            + unreadable.getMessage()));
                    break;
                }
                long line = parser.getCurrentLineNumber();
                List<RowError> rowErrors = new ArrayList<>();
                Customer customer = read(record, line, rowErrors, today, assignDates, assignEmails);
                if (!rowErrors.isEmpty()) {
                    rejected++;
                    rowErrors.stream().limit(Math.max(0, MAX_REPORTED_ERRORS - errors.size())).forEach(errors::add);
                    continue;
                }
                batch.add(customer);
                if (batch.size() == BATCH) {
                    imported += write(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            imported += write(batch);
            List<String> assigned = new ArrayList<>();
            if (assignDates) {
                assigned.add("ChurnDate");
            }
            if (assignEmails) {
                assigned.add("Email");
            }
            return new Report(imported, rejected, errors, assigned);
        }
    }

    private int write(List<Customer> batch) {
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
