package io.circuitos.support;

import io.circuitos.CircuitosApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole application in the test JVM, like {@code java -jar}, on a database the test chooses. */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningApp start(String jdbcUrl, boolean jobExecutor, String... extraProperties) {
        // command-line arguments: they win over application-test.yaml (builder properties would not)
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--camunda.bpm.job-execution.enabled=" + jobExecutor,
                "--server.port=0"));
        for (String property : extraProperties) {
            arguments.add("--" + property);
        }
        return new RunningApp(new SpringApplicationBuilder(CircuitosApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new)));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
