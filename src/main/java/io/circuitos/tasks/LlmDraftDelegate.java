package io.circuitos.tasks;

import io.circuitos.drafting.Templates;
import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmAsk;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.llm.PromptTemplate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "draft with prompt Y" service task. Inputs {@code templateId} (a prompt in
 * {@code prompts/}), {@code fallbackTemplateId} and optional {@code variant} (a deterministic
 * template in {@code templates/}). Writes local {@code draft}, {@code draftOrigin} ({@code llm} or
 * {@code template}), {@code draftNote} (why a template was used) and {@code guardResult}.
 *
 * <p>A draft that fails the guard or is not the JSON asked for is regenerated once, then replaced by
 * the template. When the model cannot be reached the job fails so the engine retries it; on the last
 * retry, or at once when the circuit is open or no model is configured, the template is used, so the
 * human task always comes. Over the instance's budget: BPMN error {@code llm-budget-exceeded}.
 */
public class LlmDraftDelegate implements JavaDelegate {

    private final PromptLibrary prompts;
    private final LlmAsk llm;

    public LlmDraftDelegate(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties.Budget budget) {
        this.prompts = prompts;
        this.llm = new LlmAsk(gateway, guard, budget);
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromptTemplate template = prompts.get(String.valueOf(execution.getVariable("templateId")));
        LlmAsk.Outcome outcome = llm.ask(execution, template, List.of(), LlmAskDelegate.guardContext(execution));
        if (outcome.answered()) {
            output(execution, asText(outcome.fields()), "llm", null, outcome.guardSummary());
            return;
        }
        Object variant = execution.getVariable("variant");
        output(execution, Templates.draft(String.valueOf(execution.getVariable("fallbackTemplateId")),
                variant == null ? null : variant.toString(), execution.getVariables()), "template",
                "Template (no AI draft): " + outcome.failure(), outcome.guardSummary());
    }

    private static void output(DelegateExecution execution, String draft, String origin, String note, String guardResult) {
        execution.setVariableLocal("draft", draft);
        execution.setVariableLocal("draftOrigin", origin);
        execution.setVariableLocal("draftNote", note == null ? "Drafted by the language model; checked by the content guard." : note);
        execution.setVariableLocal("guardResult", guardResult);
    }

    /** "subject" first as a subject line, then the other fields as paragraphs. */
    static String asText(Map<String, String> fields) {
        String subject = fields.get("subject");
        String rest = fields.entrySet().stream().filter(e -> !e.getKey().equals("subject"))
                .map(Map.Entry::getValue).collect(Collectors.joining("\n\n"));
        return subject == null ? rest : "Subject: " + subject + "\n\n" + rest;
    }
}
