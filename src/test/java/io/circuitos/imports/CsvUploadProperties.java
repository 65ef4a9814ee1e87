package io.circuitos.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.intake.IntakeRejection;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever bytes an upload holds, the CSV reader hands over rows or refuses with a 400 naming the file, header or line. */
class CsvUploadProperties {

    @Property(tries = 1000)
    void anyTextIsReadAsRowsOrRefusedWithA400(@ForAll("csvLike") String text) throws Exception {
        List<Long> lines = new ArrayList<>();
        try {
            CsvUpload.of(text).read((record, line) -> {
                lines.add(line);
                CsvUpload.RowError problem = CsvUpload.cellProblem(record, record.getParser().getHeaderNames(), line);
                if (problem != null) {
                    assertThat(problem.line()).isEqualTo(line);
                }
            });
            assertThat(lines).isSorted();
        } catch (IntakeRejection rejection) {
            assertThat(rejection.status().value()).isEqualTo(400);
            assertThat(rejection.field()).isIn("file", "header");
        }
    }

    @Property(tries = 300)
    void anyBytesAreReadOrRefusedWithA400(@ForAll("bytes") byte[] bytes) throws Exception {
        try {
            CsvUpload.of(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).read((record, line) -> { });
        } catch (IntakeRejection rejection) {
            assertThat(rejection.status().value()).isEqualTo(400);
        }
    }

    @Provide
    Arbitrary<String> csvLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab.,\"\n\r\t \u0000x1=;").ofMaxLength(300),
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("ab,\"\n").ofMaxLength(100).map(body -> "opportunityId,amount\n" + body));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    }
}
