package io.circuitos.cases;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a case book's YAML: plain data only (no YAML tags), every key known, every case named once and expecting something. */
public final class CaseBookReader {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int MAX_BYTES = 1_000_000;

    private CaseBookReader() {
    }

    /** @throws CaseBookException naming the file and what is wrong in it */
    public static CaseBook read(String file, byte[] yaml) {
        if (yaml.length > MAX_BYTES) {
            throw new CaseBookException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        Object tree;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            options.setAllowDuplicateKeys(false); // a key written twice is a mistake, not "the last one wins"
            tree = new Yaml(new SafeConstructor(options)).load(new String(yaml, StandardCharsets.UTF_8));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            throw new CaseBookException(file + " is not YAML: " + e.getProblem() + (e.getProblemMark() == null ? ""
                    : " at line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1)));
        } catch (RuntimeException e) {
            throw new CaseBookException(file + " is not YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw new CaseBookException(file + " must be a mapping with 'process' and 'cases'");
        }
        CaseBook book;
        try {
            book = JSON.convertValue(tree, CaseBook.class);
        } catch (IllegalArgumentException e) {
            throw new CaseBookException(file + ": " + e.getMessage().replaceAll(" \\(class io\\.circuitos[^)]*\\)", "").lines().findFirst().orElse(""));
        }
        return checked(file, book);
    }

    private static CaseBook checked(String file, CaseBook book) {
        if (book.process() == null || book.process().isBlank()) {
            throw new CaseBookException(file + " names no 'process'");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < book.cases().size(); i++) {
            CaseBook.AgentCase c = book.cases().get(i);
            String where = file + " case " + (i + 1);
            if (c.name() == null || c.name().isBlank()) {
                throw new CaseBookException(where + " has no 'name'");
            }
            if (!names.add(c.name())) {
                throw new CaseBookException(where + ": the name '" + c.name() + "' is used twice");
            }
            if ((c.event() == null) == (c.variables() == null)) {
                throw new CaseBookException(where + " '" + c.name() + "' needs either 'event' or 'variables' to start with");
            }
            if (c.expect() == null) {
                throw new CaseBookException(where + " '" + c.name() + "' expects nothing ('expect')");
            }
            for (CaseBook.Step step : c.steps()) {
                if (step.kinds() != 1) {
                    throw new CaseBookException(where + " '" + c.name() + "': each step is one of 'complete: <user task>', 'timer: <timer event>' "
                            + "or 'event: {type, data}'");
                }
            }
        }
        return book;
    }

    public static List<CaseBook.AgentCase> readExtraCases(String file, byte[] yaml, String process) {
        CaseBook book = read(file, yaml);
        if (!process.equals(book.process())) {
            throw new CaseBookException(file + " is a case book of '" + book.process() + "', not of '" + process + "'");
        }
        return book.cases();
    }
}
