package io.circuitos.tasks;

import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmAsk;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.llm.PromptTemplate;
import io.circuitos.llm.guard.GuardContext;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "ask the model with prompt Y" service task for structured answers (classify, extract,
 * answer with a confidence). Input {@code templateId}; optional {@code guardFields} (comma-separated
 * output fields the content guard checks, default all) and {@code recipientEmail}. Writes every
 * output field of the prompt as a local variable (text, or a Double for {@code number} fields;
 * {@code ""} or 0 when there is no answer), plus
 * {@code llmOrigin} ({@code llm} or {@code none}) and {@code llmNote} (why there is no answer), so the
 * output mapping can always read them. Retries, budget and guard as {@link LlmDraftDelegate}.
 */
public class LlmAskDelegate implements JavaDelegate {

    private final PromptLibrary prompts;
    private final LlmAsk llm;

    public LlmAskDelegate(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties.Budget budget) {
        this.prompts = prompts;
        this.llm = new LlmAsk(gateway, guard, budget);
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromptTemplate template = prompts.get(String.valueOf(execution.getVariable("templateId")));
        Object guardFields = execution.getVariable("guardFields");
        List<String> guarded = guardFields == null || guardFields.toString().isBlank() ? List.of()
                : Arrays.stream(guardFields.toString().split(",")).map(String::trim).toList();
        LlmAsk.Outcome outcome = llm.ask(execution, template, guarded, guardContext(execution));
        for (String field : template.outputFields()) {
            if (template.isNumber(field)) {
                execution.setVariableLocal(field, outcome.answered() ? Double.valueOf(outcome.fields().get(field)) : 0.0);
            } else {
                execution.setVariableLocal(field, outcome.answered() ? outcome.fields().get(field) : "");
            }
        }
        execution.setVariableLocal("llmOrigin", outcome.answered() ? "llm" : "none");
        execution.setVariableLocal("guardResult", outcome.guardSummary());
        execution.setVariableLocal("llmNote", outcome.answered() ? "Answered by the language model; checked by the content guard."
                : "No model answer: " + outcome.failure());
    }

    /** The recipient ({@code recipientEmail}) and the offer a decision chose ({@code allowedOffer}) of an LLM task. */
    static GuardContext guardContext(DelegateExecution execution) {
        Object recipient = execution.getVariable(GenericTasks.RECIPIENT_EMAIL);
        Object offer = execution.getVariable(GenericTasks.ALLOWED_OFFER);
        return new GuardContext(recipient == null ? null : recipient.toString(), offer == null ? List.of() : List.of(offer.toString()));
    }
}
