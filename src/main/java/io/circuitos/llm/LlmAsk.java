package io.circuitos.llm;

import io.circuitos.engine.RunPayload;
import io.circuitos.llm.guard.GuardContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;

/**
 * One question to the model as a process task asks it: within the instance's budget, checked by the
 * guard, asked again once when the answer fails the guard or is not the JSON asked for. When the
 * model cannot be reached and the engine will retry the job, the failure is thrown so it does;
 * otherwise the caller gets the reason to fall back on. Every call is recorded on the instance.
 */
public final class LlmAsk {

    /** The BPMN error {@link #ask} raises when the instance's LLM budget is used up: a process must catch it. */
    public static final String BUDGET_EXCEEDED = LlmCallLog.BUDGET_ERROR;

    private static final int ATTEMPTS = 2;

    private final LlmGateway gateway;
    private final ContentGuard guard;
    private final LlmProperties.Budget budget;

    public LlmAsk(LlmGateway gateway, ContentGuard guard, LlmProperties.Budget budget) {
        this.gateway = gateway;
        this.guard = guard;
        this.budget = budget;
    }

    /** The fields of a usable answer, or the reason there is none. */
    public record Outcome(Map<String, String> fields, String guardSummary, String failure, String provider) {

        public Outcome(Map<String, String> fields, String guardSummary, String failure) {
            this(fields, guardSummary, failure, null);
        }

        public boolean answered() {
            return fields != null;
        }
    }

    /**
     * @param guarded the fields the guard checks (empty: all of them)
     * @param context the recipient (the only email address the checked text may contain) and the offers it may make
     */
    public Outcome ask(DelegateExecution execution, PromptTemplate template, List<String> guarded, GuardContext context) {
        Map<String, Object> variables = RunPayload.visible(execution);
        String reason = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            LlmCallLog.ensureBudget(execution, budget);
            try {
                LlmAnswer answer = gateway.complete(template, variables);
                Map<String, String> checked = guarded.isEmpty() ? answer.fields() : answer.fields().entrySet().stream()
                        .filter(e -> guarded.contains(e.getKey())).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                ContentGuard.Result result = guard.check(checked, context);
                LlmCallLog.record(execution, answer, "guard " + result.summary());
                if (result.passed()) {
                    return new Outcome(answer.fields(), result.summary(), null, answer.provider());
                }
                reason = "the model's answer failed the guard (" + String.join("; ", result.violations()) + ")";
            } catch (LlmOutputException invalid) {
                LlmCallLog.record(execution, invalid.answer(), "invalid: " + invalid.getMessage());
                reason = "the model's answer was unusable (" + invalid.getMessage() + ")";
            } catch (LlmUnavailableException unavailable) {
                LlmCallLog.recordUnanswered(execution, template.reference(), unavailable);
                if (unavailable.retryable() && engineWillRetry()) {
                    throw unavailable;
                }
                return new Outcome(null, null, unavailable.forPeople()); // no model text: nothing for the guard to check
            }
        }
        return new Outcome(null, "not checked", reason);
    }

    /** True inside a job that still has a retry after this one. */
    static boolean engineWillRetry() {
        JobExecutorContext context = Context.getJobExecutorContext();
        return context != null && context.getCurrentJob() != null && context.getCurrentJob().getRetries() > 1;
    }
}
