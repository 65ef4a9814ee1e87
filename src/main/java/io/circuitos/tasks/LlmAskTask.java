package io.circuitos.tasks;

import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmAsk;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.llm.PromptTemplate;
import io.circuitos.llm.guard.GuardContext;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "ask the model with prompt Y" service task for structured answers (classify, extract,
 * answer with a confidence). Optional {@code guardFields} are the output fields the content guard checks
 * (default all). Writes every output field of the prompt as a local variable (text, or a Double for
 * {@code number} fields; {@code ""} or 0 when there is no answer), plus {@code llmOrigin} ({@code llm} or
 * {@code none}) and {@code llmNote} (why there is no answer), so the output mapping can always read them.
 * Retries, budget and guard as {@link LlmDraftTask}.
 */
public class LlmAskTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> PROMPT = TaskInput.text("templateId", "a prompt id in prompts/").required().naming(Refers.PROMPT);
    static final TaskInput<List<String>> GUARD_FIELDS = TaskInput.list("guardFields", "comma-separated answer fields the content guard checks");
    /** The one input both LLM tasks take the recipient from: the content guard lets no other e-mail address through. */
    static final TaskInput<String> RECIPIENT_EMAIL = TaskInput.text("recipientEmail",
            "the recipient's address: the content guard lets no other address through");
    /** The offer a decision chose for the recipient: the content guard lets its amounts, discounts and free periods through. */
    static final TaskInput<String> ALLOWED_OFFER = TaskInput.text("allowedOffer",
            "the offer a decision chose (e.g. offerText): its amounts and free periods may appear");
    static final TaskOutput<String> LLM_ORIGIN = TaskOutput.text("llmOrigin", "llm, or none when the model gave no usable answer");
    static final TaskOutput<String> LLM_NOTE = TaskOutput.text("llmNote", "for people: who answered, or why there is no answer");
    static final TaskOutput<String> GUARD_RESULT = TaskOutput.text("guardResult", "passed, or what the content guard refused");
    static final TaskOutput<String> LLM_PROVIDER = TaskOutput.text("llmProvider", "the provider that answered, or none");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("llmAsk")
            .title("Ask the LLM for structured fields")
            .description("Asks the LLM with a prompt of prompts/ for the prompt's answer fields (classify, extract, answer with a "
                    + "confidence), checked by the content guard; without a usable answer the fields are empty and llmNote says why.")
            .inputs(PROMPT, GUARD_FIELDS, RECIPIENT_EMAIL, ALLOWED_OFFER)
            .outputs(LLM_ORIGIN, LLM_NOTE, GUARD_RESULT, LLM_PROVIDER)
            .alsoWrites(TaskSpec.Also.PROMPT_ANSWER_FIELDS)
            .raises(LlmAsk.BUDGET_EXCEEDED)
            .noSideEffects()
            .build();

    private final PromptLibrary prompts;
    private final LlmAsk llm;

    public LlmAskTask(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties.Budget budget) {
        this.prompts = prompts;
        this.llm = new LlmAsk(gateway, guard, budget);
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromptTemplate template = prompts.get(PROMPT.require(execution));
        List<String> guarded = GUARD_FIELDS.read(execution, List.of());
        LlmAsk.Outcome outcome = llm.ask(execution, template, guarded, guardContext(execution));
        writeFields(execution, template, outcome.answered() ? outcome.fields() : null);
        LLM_PROVIDER.write(execution, outcome.provider() == null ? "none" : outcome.provider());
        LLM_ORIGIN.write(execution, outcome.answered() ? "llm" : "none");
        GUARD_RESULT.write(execution, outcome.guardSummary());
        LLM_NOTE.write(execution, outcome.answered() ? "Answered by the language model; checked by the content guard."
                : "No model answer: " + outcome.failure());
    }

    /** Every answer field of the prompt as a local variable: text, or a Double for number fields; "" or 0 without an answer. */
    static void writeFields(DelegateExecution execution, PromptTemplate template, java.util.Map<String, String> fields) {
        for (String field : template.outputFields()) {
            if (template.isNumber(field)) {
                execution.setVariableLocal(field, fields != null ? Double.valueOf(fields.get(field)) : 0.0);
            } else {
                execution.setVariableLocal(field, fields != null ? fields.get(field) : "");
            }
        }
    }

    /** The recipient ({@code recipientEmail}) and the offer a decision chose ({@code allowedOffer}) of an LLM task. */
    static GuardContext guardContext(DelegateExecution execution) {
        String offer = ALLOWED_OFFER.read(execution);
        return new GuardContext(RECIPIENT_EMAIL.read(execution), offer == null ? List.of() : List.of(offer));
    }
}
