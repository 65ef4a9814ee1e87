package io.circuitos.llm;

import io.circuitos.drafting.TemplateDrafter;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;

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

    private static final int ATTEMPTS = 2;

    private final LlmGateway gateway;
    private final PromptLibrary prompts;
    private final ContentGuard guard;
    private final LlmProperties.Budget budget;

    public LlmDraftDelegate(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties.Budget budget) {
        this.gateway = gateway;
        this.prompts = prompts;
        this.guard = guard;
        this.budget = budget;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromptTemplate template = prompts.get(String.valueOf(execution.getVariable("templateId")));
        Map<String, Object> variables = execution.getVariables();
        Object recipient = execution.getVariable("contactEmail");
        String reason = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            LlmCallLog.ensureBudget(execution, budget);
            try {
                LlmAnswer answer = gateway.complete(template, variables);
                ContentGuard.Result checked = guard.check(answer.fields(), recipient == null ? null : recipient.toString());
                LlmCallLog.record(execution, answer, "guard " + checked.summary());
                if (checked.passed()) {
                    output(execution, asText(answer.fields()), "llm", null, checked.summary());
                    return;
                }
                reason = "the model's draft failed the guard (" + String.join("; ", checked.violations()) + ")";
            } catch (LlmOutputException invalid) {
                LlmCallLog.record(execution, invalid.answer(), "invalid: " + invalid.getMessage());
                reason = "the model's answer was unusable (" + invalid.getMessage() + ")";
            } catch (LlmUnavailableException unavailable) {
                if (unavailable.retryable() && engineWillRetry()) {
                    throw unavailable;
                }
                reason = unavailable.getMessage();
                break;
            }
        }
        Object variant = execution.getVariable("variant");
        output(execution, TemplateDrafter.draft(String.valueOf(execution.getVariable("fallbackTemplateId")),
                variant == null ? null : variant.toString(), variables), "template", "Template draft: " + reason, "not checked");
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

    /** True inside a job that still has a retry after this one. */
    private static boolean engineWillRetry() {
        JobExecutorContext context = Context.getJobExecutorContext();
        return context != null && context.getCurrentJob() != null && context.getCurrentJob().getRetries() > 1;
    }
}
