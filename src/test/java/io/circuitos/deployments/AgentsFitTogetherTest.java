package io.circuitos.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.intake.RouteCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build fails when an agent's BPMN, DMN, form, prompt, template, route or model stop fitting
 * together: the shipped agents pass, and each rule is shown to catch its own kind of break.
 */
class AgentsFitTogetherTest {

    static RouteCatalogue shippedRoutes() {
        RouteCatalogue routes = RouteCatalogue.shipped();
        assertThat(routes.problems()).isEmpty();
        return routes;
    }

    private static List<ContractProblem> check(String process, String from, String to) throws IOException {
        return check(process, Map.of(from, to));
    }

    /** The shipped process with each text replaced (each must be there), as the contract check sees it. */
    private static List<ContractProblem> check(String process, Map<String, String> replacements) throws IOException {
        Map<String, byte[]> processes = ShippedAgents.processes();
        String xml = new String(processes.get(process), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            assertThat(xml).contains(replacement.getKey());
            xml = xml.replace(replacement.getKey(), replacement.getValue());
        }
        return new ContractCheck(ShippedAgents.catalog(shippedRoutes())).check(Map.of(process, xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedAgentsFitTogether() throws IOException {
        Map<String, byte[]> processes = ShippedAgents.processes();
        assertThat(processes).containsOnlyKeys("processes/conversation.bpmn", "processes/licensing-qualification.bpmn", "processes/lost-opportunity.bpmn",
                "processes/support-escalation.bpmn", "processes/win-back.bpmn");

        assertThat(new ContractCheck(ShippedAgents.catalog(shippedRoutes())).check(processes)).isEmpty();
    }

    @Test
    void aBeanThatIsNoGenericTaskIsReported() throws IOException {
        assertThat(check("processes/lost-opportunity.bpmn", "${scoreWithModel}", "${scoreWithModels}"))
                .extracting(ContractProblem::toString).contains("processes/lost-opportunity.bpmn ScoreReactivation: "
                        + "${scoreWithModels} is not a registered generic task");
    }

    @Test
    void aModelThatIsNotShippedIsReported() throws IOException {
        assertThat(check("processes/licensing-qualification.bpmn", ">licensing-conversion<", ">licensing-conversion-v2<"))
                .extracting(ContractProblem::problem).containsExactly("model licensing-conversion-v2 is not shipped in ml-models/");
    }

    @Test
    void aModelFeatureNoRouteFieldFeedsIsReported() throws IOException {
        // the route names the field passionScore; a process scoring with a model trained on it would score a missing value
        assertThat(check("processes/support-escalation.bpmn", ">support-escalation-risk<", ">licensing-conversion<"))
                .extracting(ContractProblem::problem)
                .contains("feature liquidCapital of model licensing-conversion is fed by no route field or variable of that name");
    }

    @Test
    void aPromptPlaceholderNothingSetsIsReported() throws IOException {
        assertThat(check("processes/support-escalation.bpmn", "<camunda:inputParameter name=\"templateId\">support-answer<",
                "<camunda:inputParameter name=\"templateId\">win-back-email<"))
                .extracting(ContractProblem::problem)
                .anyMatch(p -> p.startsWith("prompt win-back-email reads {{") && p.endsWith("which neither a task input nor the process sets"));
    }

    @Test
    void aPromptOrTemplateThatDoesNotExistIsReported() throws IOException {
        assertThat(check("processes/lost-opportunity.bpmn", ">lost-opportunity-reengagement<", ">lost-opportunity-reengagment<"))
                .extracting(ContractProblem::problem)
                .contains("prompt lost-opportunity-reengagment is not in prompts/", "template lost-opportunity-reengagment is not in templates/");
    }

    @Test
    void aDecisionOrFormThatDoesNotExistIsReported() throws IOException {
        assertThat(check("processes/lost-opportunity.bpmn", "camunda:decisionRef=\"lost-opportunity-band\"", "camunda:decisionRef=\"lost-band\""))
                .extracting(ContractProblem::problem).containsExactly("decisionRef lost-band is not in decisions/");
        assertThat(check("processes/win-back.bpmn", "camunda:formRef=\"win-back-strategy-review\"", "camunda:formRef=\"win-back-review\""))
                .extracting(ContractProblem::problem).containsExactly("formRef win-back-review is not in forms/");
    }

    @Test
    void aFormAnswerTheProcessNeverReadsIsReported() throws IOException {
        assertThat(check("processes/win-back.bpmn", "${adminDecision == 'change'}", "${adminNote == 'change'}"))
                .extracting(ContractProblem::toString).contains("processes/win-back.bpmn ReviewStrategy: "
                        + "form win-back-strategy-review field adminDecision asks for an answer the process never reads");
    }

    @Test
    void aFormFieldShowingAVariableNothingSetsIsReported() throws IOException {
        assertThat(check("processes/licensing-qualification.bpmn", "<camunda:outputParameter name=\"callBrief\">",
                "<camunda:outputParameter name=\"callNotes\">"))
                .extracting(ContractProblem::problem).contains("form licensing-application field callBrief shows a variable the process never sets");
    }

    @Test
    void aDecisionTaskRecordsItsRuleAndVersionUnderOnePatternOfNames() throws IOException {
        assertThat(check("processes/support-escalation.bpmn", "name=\"routeDecisionVersion\"", "name=\"routingVersion\""))
                .extracting(ContractProblem::toString).containsExactly("processes/support-escalation.bpmn RouteTicket: records no "
                        + "<name>DecisionVersion output of ${decisionVersion}: nobody could tell which version of the table decided");
    }

    @Test
    void aNoteMarkedRecordOnlyNeedsNoReader() throws IOException {
        Map<String, byte[]> forms = new java.util.TreeMap<>(ShippedAgents.forms());
        String approval = new String(forms.get("forms/win-back-approval.form"), StandardCharsets.UTF_8);
        forms.put("forms/win-back-approval.form", approval.replace("\"recordOnly\": \"true\"", "\"recordOnly\": \"false\"")
                .getBytes(StandardCharsets.UTF_8));
        AgentCatalog catalog = AgentCatalogs.of(ShippedAgents.decisions(), forms, new io.circuitos.llm.PromptLibrary(),
                ShippedAgents.modelFeatures(), shippedRoutes());

        assertThat(new ContractCheck(catalog).check(Map.of("processes/win-back.bpmn", ShippedAgents.processes().get("processes/win-back.bpmn"))))
                .extracting(ContractProblem::problem)
                .containsExactly("form win-back-approval field approvalComment asks for an answer the process never reads");
    }

    @Test
    void aTaskWhoseBpmnErrorNothingCatchesIsReported() throws IOException {
        assertThat(check("processes/lost-opportunity.bpmn", "errorCode=\"llm-budget-exceeded\"", "errorCode=\"llm-budget-spent\""))
                .extracting(ContractProblem::problem)
                .contains("${llmDraft} can raise BPMN error llm-budget-exceeded and nothing catches it (the run would end silently)");
        assertThat(check("processes/support-escalation.bpmn", Map.of(
                "camunda:errorMessageVariable=\"llmStopReason\"/>", "camunda:errorMessageVariable=\"llmStopReason\" errorRef=\"Error_Other\"/>",
                "</bpmn:process>", "</bpmn:process>\n  <bpmn:error id=\"Error_Other\" errorCode=\"something-else\"/>")))
                .extracting(ContractProblem::problem)
                .as("an agent task raises llm-failed, llm-limit and llm-budget-exceeded; a boundary for another code catches none")
                .contains("${llmAgent} can raise BPMN error llm-failed and nothing catches it (the run would end silently)",
                        "${llmAgent} can raise BPMN error llm-limit and nothing catches it (the run would end silently)");
        assertThat(check("processes/conversation.bpmn", "<camunda:inputParameter name=\"softStop\">true</camunda:inputParameter>", ""))
                .extracting(ContractProblem::problem)
                .as("without its soft stop the conversation's agent task needs a handler for each code")
                .contains("${llmAgent} can raise BPMN error llm-limit and nothing catches it (the run would end silently)");
    }
}
