package io.circuitos.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.llm.PromptLibrary;
import io.circuitos.tasks.TaskCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard's rules without an engine: every hostile file is refused naming its element and the rule. */
class DeploymentCheckTest {

    private static final PromptLibrary PROMPTS = new PromptLibrary();
    private static final ReferenceCatalog SHIPPED = new ReferenceCatalog(name -> Files.isDirectory(Path.of("ml-models", name)),
            PROMPTS::exists, key -> false, key -> false);
    private final DeploymentCheck check = new DeploymentCheck(
            new ExpressionPolicy(Set.of("jdbcTemplate", "identityService", "scoreWithModel"), TaskCatalogue.shipped()));

    static Stream<HostileCorpus> corpus() {
        return HostileCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileResourceIsRefusedNamingItsElementAndTheRule(HostileCorpus hostile) {
        List<ResourceProblems> refused = check.check(Map.of(hostile.file(), hostile.content()), SHIPPED);

        assertThat(refused).singleElement().satisfies(resource -> {
            assertThat(resource.resource()).isEqualTo(hostile.file());
            assertThat(resource.problems()).anySatisfy(problem -> {
                assertThat(problem.getMessage()).contains(hostile.words());
                assertThat(problem.getMainElementId()).isEqualTo(hostile.elementId());
            });
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${score >= 80 && band != 'ignore'}",
            "${execution.getVariable('company') != null ? company : opportunityId}",
            "Call ${applicantName} (${applicationId})",
            "${dateTime().plusHours(priority == 'P1' ? 1 : 8).toDate()}",
            "${S(payload).prop('customer').prop('tier').stringValue() == 'vip'}",
            "${offerDecision.offer}",
            "${candidateIds.size() > 0 and not empty customerEmail}",
            "${currentUser()}",
            "${winBackSchedule.cron}"})
    void analystExpressionsAreAllowed(String expression) {
        assertThat(new ExpressionPolicy(Set.of("jdbcTemplate"), TaskCatalogue.shipped()).check(expression)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${execution.processEngine}",
            "${execution.getProcessEngine().getIdentityService()}",
            "${task.delete()}",
            "${x.getClass()}",
            "${x.class.classLoader}",
            "${jdbcTemplate}",
            "${''.concat('a').getBytes()}",
            "${x[y]('a')}",
            "${now().getClass()}",
            "${Thread.sleep(100000)}",
            "${y.invoke(null)}"})
    void expressionsReachingBeyondVariablesAreRefused(String expression) {
        assertThat(new ExpressionPolicy(Set.of("jdbcTemplate"), TaskCatalogue.shipped()).check(expression)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not xml at all", "<definitions", "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><b></definitions>"})
    void brokenXmlIsRefusedNotCrashed(String text) {
        assertThat(check.check(Map.of("broken.bpmn", text.getBytes(StandardCharsets.UTF_8)), SHIPPED))
                .singleElement().satisfies(r -> assertThat(r.problems().get(0).getMessage()).contains("not well-formed XML"));
    }
}
