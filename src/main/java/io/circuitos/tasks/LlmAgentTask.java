package io.circuitos.tasks;

import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmAgentLoop;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.llm.PromptTemplate;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "let the LLM use tools, then answer" task. The model may call the read-only tools the analyst named
 * (from the catalogue only), as often as the limits allow, then answers with the prompt's fields, checked by the
 * content guard. It proposes; the BPMN path after it acts (sends, writes, pays), behind a user task where the
 * analyst wants one. Without an answer it raises {@code llm-failed}, {@code llm-limit} or
 * {@code llm-budget-exceeded}, or, with {@code softStop}, completes with {@code stopReason} and empty fields.
 */
public class LlmAgentTask implements JavaDelegate, GenericTask {

    static final TaskInput<List<String>> TOOLS = TaskInput.list("tools", "comma-separated tools the model may call").naming(Refers.TOOLS);
    static final TaskInput<Double> MAX_MODEL_CALLS = TaskInput.number("maxModelCalls", "most model calls before it stops (default 10)");
    static final TaskInput<Double> MAX_TOOL_CALLS = TaskInput.number("maxToolCalls", "most tool calls before it stops (default 10)");
    static final TaskInput<Double> MAX_TOKENS = TaskInput.number("maxTokens", "most tokens (prompts and answers) before it stops (default 20000)");
    static final TaskInput<Boolean> SOFT_STOP = TaskInput.bool("softStop",
            "true: stop with stopReason and empty fields instead of raising a BPMN error");
    static final TaskOutput<String> STOP_REASON = TaskOutput.text("stopReason", "why there is no answer (empty when the model answered)");
    static final TaskOutput<String> STOP_CODE = TaskOutput.text("stopCode", "llm-failed, llm-limit or llm-budget-exceeded; empty when answered");
    static final TaskOutput<List<String>> TOOLS_CALLED = TaskOutput.list("toolsCalled", "the tools that ran, in the order first called");
    static final TaskOutput<Number> MODEL_CALLS = TaskOutput.number("modelCalls", "how many model calls the loop made");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("llmAgent")
            .title("LLM agent with tools")
            .description("Lets the LLM call read-only tools of the catalogue (look up, search, score, earlier runs) in a loop bounded "
                    + "by model calls, tool calls and tokens, then answer with the fields of a prompt of prompts/, checked by the content "
                    + "guard. It changes nothing itself: what it proposes is done by the steps after it.")
            .inputs(LlmAskTask.PROMPT, TOOLS, MAX_MODEL_CALLS, MAX_TOOL_CALLS, MAX_TOKENS, SOFT_STOP, LlmAskTask.GUARD_FIELDS,
                    LlmAskTask.RECIPIENT_EMAIL, LlmAskTask.ALLOWED_OFFER)
            .outputs(LlmAskTask.LLM_ORIGIN, LlmAskTask.LLM_NOTE, LlmAskTask.GUARD_RESULT, LlmAskTask.LLM_PROVIDER, STOP_REASON, STOP_CODE,
                    TOOLS_CALLED, MODEL_CALLS)
            .alsoWrites(TaskSpec.Also.PROMPT_ANSWER_FIELDS)
            .raises(LlmAgentLoop.FAILED, LlmAgentLoop.LIMIT, LlmAgentLoop.BUDGET_EXCEEDED)
            .softStopWhen(SOFT_STOP)
            .noSideEffects()
            .build();

    private final PromptLibrary prompts;
    private final LlmAgentLoop loop;
    private final ToolBox tools;
    private final MeterRegistry meters;

    /** @param meters where tool calls and loop lengths are counted */
    public LlmAgentTask(LlmGateway gateway, PromptLibrary prompts, ContentGuard guard, LlmProperties.Budget budget, ToolBox tools,
                        MeterRegistry meters) {
        this.prompts = prompts;
        this.loop = new LlmAgentLoop(gateway, guard, budget);
        this.tools = tools;
        this.meters = meters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PromptTemplate template = prompts.get(LlmAskTask.PROMPT.require(execution));
        LlmAgentLoop.Tools offered = tools.offer(execution, TOOLS.read(execution, List.of()));
        LlmAgentLoop.Limits limits = new LlmAgentLoop.Limits(positive(MAX_MODEL_CALLS.read(execution, 10.0)),
                positive(MAX_TOOL_CALLS.read(execution, 10.0)), positive(MAX_TOKENS.read(execution, 20_000.0)));
        LlmAgentLoop.Outcome outcome = loop.run(execution, template, offered, limits, LlmAskTask.GUARD_FIELDS.read(execution, List.of()),
                LlmAskTask.guardContext(execution));
        count(template, outcome);
        if (outcome.stopCode() != null && !SOFT_STOP.read(execution, false)) {
            throw new BpmnError(outcome.stopCode(), "No model answer: " + outcome.stopReason());
        }
        LlmAskTask.writeFields(execution, template, outcome.fields());
        LlmAskTask.LLM_PROVIDER.write(execution, outcome.provider() == null ? "none" : outcome.provider()); // before the origin: metrics
        LlmAskTask.LLM_ORIGIN.write(execution, outcome.answered() ? "llm" : "none");
        LlmAskTask.GUARD_RESULT.write(execution, outcome.guardSummary());
        LlmAskTask.LLM_NOTE.write(execution, outcome.answered()
                ? "Answered by the language model" + (outcome.toolsCalled().isEmpty() ? "" : " after looking at "
                + String.join(", ", outcome.toolsCalled())) + "; checked by the content guard."
                : "No model answer: " + outcome.stopReason());
        STOP_REASON.write(execution, outcome.answered() ? "" : outcome.stopReason());
        STOP_CODE.write(execution, outcome.stopCode() == null ? "" : outcome.stopCode());
        TOOLS_CALLED.write(execution, outcome.toolsCalled());
        MODEL_CALLS.write(execution, outcome.modelCalls());
    }

    private void count(PromptTemplate template, LlmAgentLoop.Outcome outcome) {
        outcome.calls().forEach(call -> io.micrometer.core.instrument.Counter.builder("circuitos.llm.tool.calls")
                .description("tools an llmAgent ran for the model, by tool (not-offered: a name it was not given) and outcome (ok, refused, failed)")
                .tags("tool", call.tool(), "outcome", call.outcome()).register(meters).increment());
        DistributionSummary.builder("circuitos.llm.agent.model.calls").description("model calls per llmAgent loop, by how it ended")
                .tags("template", template.id(), "end", outcome.answered() ? "answered" : outcome.stopCode() == null ? "no-answer" : outcome.stopCode())
                .serviceLevelObjectives(1, 2, 3, 5, 10).register(meters).record(outcome.modelCalls());
    }

    /** A limit of at least one, at most a thousand: the analyst's number, bounded. */
    private static int positive(Double value) {
        return (int) Math.max(1, Math.min(1_000, value));
    }
}
