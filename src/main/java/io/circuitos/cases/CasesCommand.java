package io.circuitos.cases;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code java -jar circuitos.jar cases <process> [--file <bpmn|dmn|form>]... [--cases <yaml>]...}: the agent's case book
 * for pipelines, on the shipped agent or on candidate files; exit code 0 when every case passes, 1 when one fails, 2 when
 * the command or a file is wrong. The application starts on a free local port, an in-memory database and without demo data.
 */
public final class CasesCommand {

    public static final String NAME = "cases";

    private CasesCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Spring Boot arguments for the application the command runs in. */
    public static String[] applicationArguments() {
        return new String[] {"--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=jdbc:h2:mem:circuitos-cases;DB_CLOSE_DELAY=-1",
                "--circuitos.demo-data.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN"};
    }

    /** @param runner the application's case runner, once the arguments are known to be good */
    public static int run(String[] args, Function<Void, CaseRunner> runner, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[1].startsWith("--")) {
            return usage(err);
        }
        String process = args[1];
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<CaseBook.AgentCase> extra = new ArrayList<>();
        try {
            for (int i = 2; i < args.length; i += 2) {
                if (i + 1 >= args.length || !(args[i].equals("--file") || args[i].equals("--cases"))) {
                    return usage(err);
                }
                Path file = Path.of(args[i + 1]);
                byte[] content = Files.readAllBytes(file);
                if (args[i].equals("--file")) {
                    files.put(file.getFileName().toString(), content);
                } else {
                    extra.addAll(CaseBookReader.readExtraCases(file.toString(), content, process));
                }
            }
            CaseBook book = CaseBooks.of(process).orElse(new CaseBook(process, List.of())).with(extra);
            if (book.cases().isEmpty()) {
                err.println("error: agent '" + process + "' ships no case book (cases/" + process + ".yaml) and no --cases were given");
                return 2;
            }
            CaseReport report = runner.apply(null).run(book, files);
            print(report, out);
            return report.allPass() ? 0 : 1;
        } catch (IOException e) {
            err.println("error: cannot read " + e.getMessage());
            return 2;
        } catch (CaseBookException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: the case book could not run: " + e.getMessage());
            return 2;
        }
    }

    static void print(CaseReport report, PrintStream out) {
        for (CaseResult result : report.results()) {
            out.printf("%s %s (%d ms)%s%n", result.passed() ? "PASS" : "FAIL", result.name(), result.millis(),
                    result.passed() ? "" : ": " + result.difference());
            if (!result.passed()) {
                out.println("     path: " + String.join(" > ", result.path()));
            }
            result.notes().forEach(note -> out.println("     note: " + note));
        }
        out.printf("%s: %d of %d cases pass (%d ms)%n", report.process(), report.passed(), report.cases(), report.millis());
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar circuitos.jar cases <process> [--file <bpmn|dmn|form>]... [--cases <yaml>]...");
        return 2;
    }
}
