package io.circuitos.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The case books that ship with the agents: {@code cases/<process>.yaml}, by process key. */
public final class CaseBooks {

    public static final String SHIPPED = "classpath*:cases/*.yaml";

    private CaseBooks() {
    }

    public static Map<String, CaseBook> shipped() {
        Map<String, CaseBook> books = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(SHIPPED)) {
                String file = "cases/" + resource.getFilename();
                CaseBook book = CaseBookReader.read(file, resource.getContentAsByteArray());
                if (!resource.getFilename().equals(book.process() + ".yaml")) {
                    throw new CaseBookException(file + " is the case book of '" + book.process() + "': name it cases/" + book.process() + ".yaml");
                }
                books.put(book.process(), book);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return books;
    }

    /** The book of one agent, read alone: another agent's broken book does not stop this one. */
    public static Optional<CaseBook> of(String process) {
        if (!process.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")) {
            return Optional.empty();
        }
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:cases/" + process + ".yaml")) {
                return Optional.of(CaseBookReader.read("cases/" + process + ".yaml", resource.getContentAsByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }
}
