package io.circuitos.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each agent's typed names ({@code agents/<agent>/<Agent>Process.java}) are what its BPMN says: a
 * renamed element, message, error or variable fails the build here, and then the Java that used the
 * old name fails to compile. {@code mvn test -Dtest=ProcessNamesTest -Dcircuitos.regenerate=true}
 * rewrites the classes.
 */
class ProcessNamesTest {

    @Test
    void everyAgentsNamesClassMatchesItsProcess() throws IOException {
        AgentCatalog catalog = ShippedAgents.catalog(AgentsFitTogetherTest.shippedRoutes());
        boolean regenerate = Boolean.getBoolean("circuitos.regenerate");
        for (Map.Entry<String, byte[]> process : ShippedAgents.processes().entrySet()) {
            String source = ProcessNamesSource.generate(process.getKey(), process.getValue(), catalog);
            Path file = ProcessNamesSource.file(process.getValue());
            if (regenerate) {
                Files.writeString(file, source, StandardCharsets.UTF_8);
            }
            assertThat(file).as("%s: run with -Dcircuitos.regenerate=true", file).exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("%s is not what %s says", file, process.getKey()).isEqualTo(source);
        }
    }

    @Test
    void constantNamesFollowJavaConventions() {
        assertThat(ProcessNamesSource.constant("ReengageOpportunity")).isEqualTo("REENGAGE_OPPORTUNITY");
        assertThat(ProcessNamesSource.constant("llm-budget-exceeded")).isEqualTo("LLM_BUDGET_EXCEEDED");
        assertThat(ProcessNamesSource.constant("bandDecisionVersion")).isEqualTo("BAND_DECISION_VERSION");
    }
}
