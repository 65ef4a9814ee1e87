package io.circuitos.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import example.newcomer.GreetCustomerTask;
import io.circuitos.engine.sandbox.DeploymentCheck;
import io.circuitos.engine.sandbox.ExpressionPolicy;
import io.circuitos.engine.sandbox.ReferenceCatalog;
import io.circuitos.engine.sandbox.SandboxPlugin;
import io.circuitos.tasks.templates.ElementTemplates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A newcomer adds a generic task by writing one class, {@link GreetCustomerTask}, which exists only in the
 * tests (package {@code example.newcomer}, which the shipped catalogue does not scan). With that package in
 * the catalogue, and no other edit, the task is in the guard's allowed names, in the element templates and
 * in the docs' table, is a bean under its name, and runs in a sandboxed engine, reading a number typed as text.
 */
class ANewTaskIsOneClassTest {

    private static final String NEWCOMER = "example.newcomer";
    private final TaskCatalogue withNewcomer = TaskCatalogue.scanning(TaskCatalogue.SHIPPED_PACKAGE, NEWCOMER);

    private static String process(String inputs) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="d" targetNamespace="http://circuitos.io/t">
                  <bpmn:process id="greet" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Greet"/>
                    <bpmn:serviceTask id="Greet" camunda:delegateExpression="${greetCustomer}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          %s
                          <camunda:outputParameter name="customerGreeting">${greeting}</camunda:outputParameter>
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="F2" sourceRef="Greet" targetRef="Wait"/>
                    <bpmn:userTask id="Wait"/>
                    <bpmn:sequenceFlow id="F3" sourceRef="Wait" targetRef="End"/>
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(inputs);
    }

    private static final String GREET_WARMLY = process("""
            <camunda:inputParameter name="customerName">Ada</camunda:inputParameter>
            <camunda:inputParameter name="warmth">0.8</camunda:inputParameter>""");

    @Test
    void theCatalogueFindsTheClassAndOnlyWhenItsPackageIsScanned() {
        assertThat(withNewcomer.find("greetCustomer")).hasValue(GreetCustomerTask.SPEC);
        assertThat(withNewcomer.all()).containsAll(TaskCatalogue.shipped().all());
        assertThat(TaskCatalogue.shipped().find("greetCustomer")).isEmpty();
    }

    @Test
    void theGuardAllowsIt() {
        Map<String, byte[]> bpmn = Map.of("greet.bpmn", GREET_WARMLY.getBytes(StandardCharsets.UTF_8));

        assertThat(withNewcomer.names(io.circuitos.engine.sandbox.RegisteredTasks.Kind.SERVICE_TASK)).contains("greetCustomer");
        assertThat(new DeploymentCheck(new ExpressionPolicy(Set.of(), withNewcomer)).check(bpmn, ReferenceCatalog.unchecked())).isEmpty();
        assertThat(new DeploymentCheck(new ExpressionPolicy(Set.of(), TaskCatalogue.shipped())).check(bpmn, ReferenceCatalog.unchecked()))
                .singleElement().asString().contains("greetCustomer");
    }

    @Test
    void itHasAnElementTemplate() {
        ObjectNode template = ElementTemplates.all(withNewcomer, List.of("a-model"), List.of("a-prompt")).get("greetCustomer.json");

        assertThat(template.get("name").asText()).isEqualTo("Greet a customer");
        assertThat(template.get("description").asText()).contains("Writes a greeting").contains("Side effects: none");
        List<String> bindings = new ArrayList<>();
        for (JsonNode property : template.get("properties")) {
            JsonNode binding = property.get("binding");
            bindings.add(binding.path("name").asText(binding.path("source").asText()));
        }
        assertThat(bindings).containsExactly("camunda:delegateExpression", "camunda:asyncBefore", "customerName", "warmth", "${greeting}");
        assertThat(template.at("/properties/0/value").asText()).isEqualTo("${greetCustomer}");
        assertThat(template.at("/properties/3/description").asText()).isEqualTo("number: 0–1 (default 0.5)");
    }

    @Test
    void itIsInTheDocsTable() {
        String table = TaskTable.markdown(withNewcomer);

        assertThat(table).contains("| [`greetCustomer`](#greetcustomer) | service task | — | Greet a customer | no |")
                .contains("| `customerName` | text | yes | — | bound in the BPMN | who to greet |")
                .contains("| `greeting` | text | the greeting |");
        assertThat(TaskTable.markdown(TaskCatalogue.shipped())).doesNotContain("greetCustomer");
    }

    @Test
    void itIsABeanUnderItsNameBuiltFromTheBeansItNeeds() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(Clock.class, () -> clock);
            context.addBeanFactoryPostProcessor(new TaskBeans(TaskCatalogue.scanning(NEWCOMER)));
            context.refresh();

            assertThat(context.getBean("greetCustomer")).isInstanceOf(GreetCustomerTask.class);
            assertThat(context.getBean(GreetCustomerTask.class).clock()).isSameAs(clock);
        }
    }

    @Test
    void aBeanOfItsNameThatIsAnotherClassFailsTheStart() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("greetCustomer", String.class, () -> "not a task");
            context.addBeanFactoryPostProcessor(new TaskBeans(TaskCatalogue.scanning(NEWCOMER)));

            assertThatThrownBy(context::refresh).hasMessageContaining("bean 'greetCustomer' is a java.lang.String")
                    .hasMessageContaining("must build that task's class");
        }
    }

    @Test
    void itRunsInTheSandboxedEngineReadingItsInputsTheWayAnalystsWriteThem() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:a-new-task-is-one-class;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("aNewTaskIsOneClass")
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new SandboxPlugin(withNewcomer)));
        ProcessEngine engine = configuration.buildProcessEngine();
        Mocks.register("greetCustomer", new GreetCustomerTask(Clock.systemUTC()));
        try {
            engine.getIdentityService().setAuthentication("analyst", List.of("analysts")); // the guard checks an analyst's deployment
            deploy(engine, "greet.bpmn", GREET_WARMLY);
            deploy(engine, "greet-nobody.bpmn", process("").replace("id=\"greet\"", "id=\"greetNobody\""));
            engine.getIdentityService().clearAuthentication();

            ProcessInstance warm = engine.getRuntimeService().startProcessInstanceByKey("greet");
            assertThat(engine.getRuntimeService().getVariable(warm.getId(), "customerGreeting")).isEqualTo("Dear Ada, lovely to hear from you.");
            assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("greetNobody", Variables.createVariables()))
                    .hasMessageContaining("task Greet has no input 'customerName'");
        } finally {
            Mocks.reset();
            engine.close();
        }
    }

    private static void deploy(ProcessEngine engine, String name, String bpmn) {
        engine.getRepositoryService().createDeployment().addString(name, bpmn).deploy();
    }
}
