package io.circuitos.imports;

import io.circuitos.intake.IntakeRejection;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.multipart.MultipartFile;

/** The multipart part {@code file} of a CSV import, as UTF-8 text; a missing or empty part is a 400 naming it. */
public final class CsvUpload {

    private CsvUpload() {
    }

    public static Reader open(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw IntakeRejection.badField("file", "a non-empty CSV file part named 'file' is required");
        }
        return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
    }
}
