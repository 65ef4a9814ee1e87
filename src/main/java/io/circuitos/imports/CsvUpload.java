package io.circuitos.imports;

import io.circuitos.intake.IntakeLimits;
import io.circuitos.intake.IntakeRejection;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.web.multipart.MultipartFile;

/**
 * The multipart part {@code file} of a CSV import. Spooled to disk by the servlet container, so it can be
 * read twice: once to validate every row, once to write, and nothing is written unless the whole file is
 * valid. UTF-8 (a byte-order mark is skipped; anything that is not UTF-8 is refused), a header of real
 * column names, no control characters and no cell beyond {@value IntakeLimits#TEXT_MAX_LENGTH} characters.
 */
public final class CsvUpload {

    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
            .setIgnoreEmptyLines(true).get();
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** A problem of one row (line counted in the file, header = 1) or of the file ({@code field} "file"). */
    public record RowError(long line, String field, String message) {
    }

    /** Opens the upload's bytes again, from the start. */
    private interface Source {
        InputStream open() throws IOException;
    }

    private final Source source;

    private CsvUpload(Source source) {
        this.source = source;
    }

    /** A missing or empty part is a 400 naming it. */
    public static CsvUpload of(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw IntakeRejection.badField("file", "a non-empty CSV file part named 'file' is required");
        }
        return new CsvUpload(file::getInputStream);
    }

    /** A CSV text in hand (tests, benchmarks, the command line). */
    public static CsvUpload of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new CsvUpload(() -> new ByteArrayInputStream(bytes));
    }

    public List<String> read(BiConsumer<CSVRecord, Long> row) throws IOException {
        return read(header -> { }, row);
    }

    /**
     * Reads every row, handing it to {@code row} with its line; the header (names and their shape) is
     * checked first. A file that cannot be read past some point (broken quoting, not UTF-8) throws a 400
     * naming the line.
     */
    public List<String> read(Consumer<List<String>> onHeader, BiConsumer<CSVRecord, Long> row) throws IOException {
        try {
            return readRows(onHeader, row);
        } catch (CharacterCodingException e) {
            throw IntakeRejection.badField("file", "the file is not UTF-8 text; nothing was imported");
        }
    }

    private List<String> readRows(Consumer<List<String>> onHeader, BiConsumer<CSVRecord, Long> row) throws IOException {
        try (Reader reader = open(); CSVParser parser = parse(reader)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header);
            onHeader.accept(header);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return header;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException unreadable) {
                    if (unreadable.getCause() instanceof CharacterCodingException coding) {
                        throw coding;
                    }
                    throw unreadable(parser.getCurrentLineNumber() + 1, unreadable);
                }
                row.accept(record, parser.getCurrentLineNumber());
            }
        }
    }

    /** The first cell of {@code record} that no column may hold (control characters, over-long), as an error. */
    public static RowError cellProblem(CSVRecord record, List<String> header, long line) {
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            String column = i < header.size() ? header.get(i) : "column " + (i + 1);
            if (IntakeLimits.CONTROL_CHARACTERS.matcher(value).find()) {
                return new RowError(line, column, "contains a control character");
            }
            if (value.length() > IntakeLimits.TEXT_MAX_LENGTH) {
                return new RowError(line, column, "is longer than " + IntakeLimits.TEXT_MAX_LENGTH + " characters");
            }
        }
        if (record.size() > header.size()) {
            return new RowError(line, "file", "has " + record.size() + " cells but the header has " + header.size() + " columns");
        }
        return null;
    }

    private static CSVParser parse(Reader reader) throws IOException {
        try {
            return FORMAT.parse(reader);
        } catch (CharacterCodingException e) {
            throw e;
        } catch (IOException | IllegalArgumentException | UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw coding;
            }
            // duplicate or empty header names, unreadable first line
            throw IntakeRejection.badField("header", "line 1 is not a CSV header: " + e.getMessage());
        }
    }

    private static void checkHeader(List<String> header) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!COLUMN_NAME.matcher(name).matches()) {
                throw IntakeRejection.badField("header", "column " + (i + 1) + " of line 1 is named '" + name
                        + "': column names are words or dotted paths such as contact.email");
            }
            if (!seen.add(name)) {
                throw IntakeRejection.badField("header", "column '" + name + "' appears twice in line 1");
            }
        }
    }

    private static IntakeRejection unreadable(long line, RuntimeException cause) {
        Throwable root = cause.getCause() != null ? cause.getCause() : cause;
        String what = root instanceof CharacterCodingException ? "is not UTF-8 text" : "cannot be read as CSV (" + root.getMessage() + ")";
        return IntakeRejection.badField("file", "the file " + what + " at line " + line + "; nothing was imported");
    }

    /** Strict UTF-8 (malformed bytes are an error, not replaced), without a leading byte-order mark. */
    private Reader open() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
