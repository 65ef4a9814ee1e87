package io.circuitos.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/tasks.md} shows what the catalogue holds: its task table is generated from it.
 * {@code mvn test -Dtest=TaskTableTest -Dcircuitos.regenerate=true} rewrites it.
 */
class TaskTableTest {

    private static final Path DOC = Path.of("docs", "tasks.md");

    @Test
    void theDocsTableIsWhatTheCatalogueGenerates() throws IOException {
        String table = TaskTable.markdown(TaskCatalogue.shipped());
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("circuitos.regenerate")) {
            doc = TaskTable.replaceIn(doc, table);
            Files.writeString(DOC, doc, StandardCharsets.UTF_8);
        }
        assertThat(TaskTable.in(doc)).as("run with -Dcircuitos.regenerate=true").isEqualTo(table);
    }

    @Test
    void everyTaskHasItsSectionWithItsSideEffects() {
        String table = TaskTable.markdown(TaskCatalogue.shipped());

        assertThat(table).contains("| [`sendEmail`](#sendemail) | service task | — | Send an email | yes |")
                .contains("| [`scoreWithModel`](#scorewithmodel) | service task | — | Score with a model | no |")
                .contains("| [`winBackFinance`](#winbackfinance) | service task | win-back | Campaign finance (ROI) | yes |")
                .contains("| `modelName` | text | yes | a model (features from the run) | bound in the BPMN |")
                .contains("- BPMN errors (catch each): `llm-budget-exceeded`");
        for (TaskSpec task : TaskCatalogue.shipped().all()) {
            assertThat(table).contains("\n### `" + task.name() + "`\n");
        }
    }
}
