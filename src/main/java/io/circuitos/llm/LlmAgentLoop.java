package io.circuitos.llm;

import io.circuitos.engine.RunPayload;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.circuitos.drafting.Templates;
import io.circuitos.llm.guard.GuardContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * An LLM that may call tools before it answers, in a loop bounded by model calls, tool calls and tokens (and
 * the instance's budget, which counts every provider). The model only ever proposes: a tool is run by the
 * {@link Tools} the task offers (which validate what the model filled in and refuse anything else), and the
 * final answer passes the content guard before anything leaves; an answer that fails it is asked for again
 * once, with the reasons. Every model call and tool call is recorded on the instance, in order.
 */
public final class LlmAgentLoop {

    /** Every provider failed, and the engine will not retry. */
    public static final String FAILED = "llm-failed";
    /** The task's model-call, tool-call or token limit was reached before an answer. */
    public static final String LIMIT = "llm-limit";
    /** The instance's LLM budget is used up. */
    public static final String BUDGET_EXCEEDED = LlmCallLog.BUDGET_ERROR;

    /** The tools one agent task offers the model. */
    public interface Tools {

        List<ToolSpecification> specifications();

        /** Runs tool {@code name} with the model's arguments (JSON text); a refusal or failure is a result too, for the model to read. */
        ToolResult call(String name, String arguments);
    }

    /** @param outcome {@code ok}, {@code refused} (not offered, or arguments that do not fit the spec) or {@code failed} */
    public record ToolResult(String text, String outcome) {

        public static ToolResult ok(String text) {
            return new ToolResult(text, "ok");
        }

        public static ToolResult refused(String why) {
            return new ToolResult("error: " + why, "refused");
        }

        public static ToolResult failed(String why) {
            return new ToolResult("error: " + why, "failed");
        }
    }

    public record Limits(int maxModelCalls, int maxToolCalls, int maxTokens) {
    }

    /** One tool call as the metrics count it: the tool (or {@code not-offered} for a name the task did not offer) and its outcome. */
    public record ToolCall(String tool, String outcome) {
    }

    /**
     * @param fields      the answer's fields; null when there is none
     * @param stopCode    why the loop ended without an answer: {@link #FAILED}, {@link #LIMIT}, {@link #BUDGET_EXCEEDED}; null otherwise
     * @param stopReason  in words, for people and the trail; null when the model answered
     * @param toolsCalled the tools run, in the order first called
     */
    public record Outcome(Map<String, String> fields, String guardSummary, String stopCode, String stopReason, String provider,
                          int modelCalls, int toolCalls, List<String> toolsCalled, List<ToolCall> calls) {

        public boolean answered() {
            return fields != null;
        }
    }

    private final LlmGateway gateway;
    private final ContentGuard guard;
    private final LlmProperties.Budget budget;

    public LlmAgentLoop(LlmGateway gateway, ContentGuard guard, LlmProperties.Budget budget) {
        this.gateway = gateway;
        this.guard = guard;
        this.budget = budget;
    }

    public Outcome run(DelegateExecution execution, PromptTemplate template, Tools tools, Limits limits, List<String> guarded,
                       GuardContext context) {
        Map<String, Object> variables = RunPayload.visible(execution);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(Templates.render(template.system(), variables)),
                UserMessage.from(Templates.render(template.user(), variables))));
        List<ToolSpecification> offered = tools.specifications();
        Run run = new Run();
        boolean askedAgain = false;
        String lastProblem = null;
        while (true) {
            if (run.modelCalls >= limits.maxModelCalls()) {
                return run.stop(LIMIT, "the limit of " + limits.maxModelCalls() + " model calls was reached before an answer"
                        + (lastProblem == null ? "" : " (" + lastProblem + ")"));
            }
            if (run.tokens >= limits.maxTokens()) {
                return run.stop(LIMIT, "the limit of " + limits.maxTokens() + " tokens was reached before an answer (" + run.tokens + " used)");
            }
            String budgetUsed = LlmCallLog.budgetUsedUp(execution, budget);
            if (budgetUsed != null) {
                return run.stop(BUDGET_EXCEEDED, budgetUsed);
            }
            LlmTurn turn;
            try {
                turn = gateway.chat(template, messages, offered);
            } catch (LlmUnavailableException unavailable) {
                LlmCallLog.recordUnanswered(execution, template.reference(), unavailable);
                if (unavailable.retryable() && LlmAsk.engineWillRetry()) {
                    throw unavailable;
                }
                return run.stop(FAILED, unavailable.forPeople());
            }
            run.modelCalls++;
            run.tokens += turn.tokens();
            run.provider = turn.provider();
            AiMessage answer = turn.message() == null ? AiMessage.from("") : turn.message();
            if (answer.hasToolExecutionRequests()) {
                LlmCallLog.record(execution, LlmGateway.answer(template, turn), "asked for " + answer.toolExecutionRequests().stream()
                        .map(ToolExecutionRequest::name).collect(Collectors.joining(", ")));
                messages.add(answer);
                for (ToolExecutionRequest request : answer.toolExecutionRequests()) {
                    if (run.toolCalls >= limits.maxToolCalls()) {
                        return run.stop(LIMIT, "the limit of " + limits.maxToolCalls() + " tool calls was reached before an answer");
                    }
                    run.toolCalls++;
                    long started = System.nanoTime();
                    ToolResult result = tools.call(request.name(), request.arguments());
                    LlmCallLog.recordTool(execution, request.name(), request.arguments(), result.text(), result.outcome(),
                            (System.nanoTime() - started) / 1_000_000);
                    if ("ok".equals(result.outcome())) {
                        run.toolsCalled.add(request.name());
                    }
                    boolean isOffered = offered.stream().anyMatch(t -> t.name().equals(request.name()));
                    run.calls.add(new ToolCall(isOffered ? request.name() : "not-offered", result.outcome()));
                    messages.add(ToolExecutionResultMessage.from(request, result.text()));
                }
                continue;
            }
            LlmAnswer parsed;
            try {
                parsed = gateway.parse(template, turn);
            } catch (LlmOutputException invalid) {
                LlmCallLog.record(execution, invalid.answer(), "invalid: " + invalid.getMessage());
                lastProblem = "the model's answer was unusable: " + invalid.getMessage();
                if (askedAgain) {
                    return run.noAnswer("not checked", lastProblem);
                }
                askedAgain = true;
                messages.add(answer);
                messages.add(UserMessage.from("That answer was not usable (" + invalid.getMessage() + "). Answer again with the JSON "
                        + "object asked for, and nothing else."));
                continue;
            }
            Map<String, String> checked = guarded.isEmpty() ? parsed.fields() : parsed.fields().entrySet().stream()
                    .filter(e -> guarded.contains(e.getKey())).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            ContentGuard.Result result = guard.check(checked, context);
            LlmCallLog.record(execution, parsed, "guard " + result.summary());
            if (result.passed()) {
                return new Outcome(parsed.fields(), result.summary(), null, null, run.provider, run.modelCalls, run.toolCalls,
                        List.copyOf(run.toolsCalled), List.copyOf(run.calls));
            }
            lastProblem = "the model's answer failed the guard (" + String.join("; ", result.violations()) + ")";
            if (askedAgain) {
                return run.noAnswer(result.summary(), lastProblem);
            }
            askedAgain = true;
            messages.add(answer);
            messages.add(UserMessage.from("That answer breaks the rules for what may be sent (" + String.join("; ", result.violations())
                    + "). Write it again without any of that, as the same JSON object."));
        }
    }

    /** What one loop has used so far. */
    private static final class Run {
        int modelCalls;
        int toolCalls;
        int tokens;
        String provider;
        final Set<String> toolsCalled = new LinkedHashSet<>();
        final List<ToolCall> calls = new ArrayList<>();

        Outcome stop(String code, String reason) {
            return new Outcome(null, "not checked", code, reason, provider, modelCalls, toolCalls, List.copyOf(toolsCalled), List.copyOf(calls));
        }

        Outcome noAnswer(String guardSummary, String reason) {
            return new Outcome(null, guardSummary, null, reason, provider, modelCalls, toolCalls, List.copyOf(toolsCalled), List.copyOf(calls));
        }
    }
}
