package io.circuitos.tasks;

import io.circuitos.engine.RunPayload;
import io.circuitos.drafting.Templates;
import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
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
 * Generic "draft with prompt Y" service task: a prompt in {@code prompts/}, and a deterministic template in
 * {@code templates/} with an optional variant to fall back on.
 *
 * <p>A draft that fails the guard or is not the JSON asked for is regenerated once, then replaced by
 * the template. When the model cannot be reached the job fails so the engine retries it; on the last
 * retry, or at once when the circuit is open or no model is configured, the template is used, so the
 * human task always comes. Over the instance's budget: BPMN error {@code llm-budget-exceeded}.
 */
public class LlmDraftTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> FALLBACK_TEMPLATE_ID = TaskInput.text("fallbackTemplateId",
            "deterministic template used when the LLM is not").required().naming(Refers.TEMPLATE);
    static final TaskInput<String> VARIANT = TaskInput.text("variant", "template variant, e.g. the loss reason");
    static final TaskOutput<String> DRAFT_NOTE = TaskOutput.text("draftNote", "for people: who drafted, or why a template was used");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("llmDraft")
            .title("Draft with the LLM")
            .description("Drafts a text with the LLM from a prompt of prompts/, checked by the content guard; when the model cannot "
                    + "answer, a deterministic template is used instead, so a draft always comes.")
            .inputs(LlmAskTask.PROMPT, FALLBACK_TEMPLATE_ID, VARIANT, LlmAskTask.RECIPIENT_EMAIL, LlmAskTask.ALLOWED_OFFER)
            .outputs(DraftFromTemplateTask.DRAFT, DraftFromTemplateTask.DRAFT_ORIGIN, DRAFT_NOTE, LlmAskTask.GUARD_RESULT, LlmAskTask.LLM_PROVIDER)
            .raises(LlmAsk.BUDGET_EXCEEDED)
            .noSideEffects()
            .build();

    private final PromptLibrary prompts;
    private final LlmAsk llm;

    public LlmDraftTask(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties.Budget budget) {
        this.prompts = prompts;
        this.llm = new LlmAsk(gateway, guard, budget);
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromptTemplate template = prompts.get(LlmAskTask.PROMPT.require(execution));
        LlmAsk.Outcome outcome = llm.ask(execution, template, List.of(), LlmAskTask.guardContext(execution));
        if (outcome.answered()) {
            output(execution, asText(outcome.fields()), "llm", null, outcome.guardSummary(), outcome.provider());
            return;
        }
        output(execution, Templates.draft(FALLBACK_TEMPLATE_ID.require(execution), VARIANT.read(execution), RunPayload.visible(execution)),
                "template", "Template (no AI draft): " + outcome.failure(), outcome.guardSummary(), null);
    }

    private static void output(DelegateExecution execution, String draft, String origin, String note, String guardResult, String provider) {
        LlmAskTask.LLM_PROVIDER.write(execution, provider == null ? "none" : provider); // before the origin: the metrics read it with it
        DraftFromTemplateTask.DRAFT.write(execution, draft);
        DraftFromTemplateTask.DRAFT_ORIGIN.write(execution, origin);
        DRAFT_NOTE.write(execution, note == null ? "Drafted by the language model; checked by the content guard." : note);
        LlmAskTask.GUARD_RESULT.write(execution, guardResult);
    }

    /** "subject" first as a subject line, then the other fields as paragraphs. */
    static String asText(Map<String, String> fields) {
        String subject = fields.get("subject");
        String rest = fields.entrySet().stream().filter(e -> !e.getKey().equals("subject"))
                .map(Map.Entry::getValue).collect(Collectors.joining("\n\n"));
        return subject == null ? rest : "Subject: " + subject + "\n\n" + rest;
    }
}
