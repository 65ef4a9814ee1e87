package io.circuitos.cases;

import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmGateway;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.LlmProvider;
import io.circuitos.llm.LlmProviders;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.ml.DriftMonitor;
import io.circuitos.ml.ModelRegistry;
import io.circuitos.tasks.LlmAgentTask;
import io.circuitos.tasks.LlmAskTask;
import io.circuitos.tasks.LlmDraftTask;
import io.circuitos.tasks.ScoreWithModelTask;
import io.circuitos.tasks.TaskCatalogue;
import io.circuitos.tasks.ToolBox;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The world one case runs in: the application's tasks, except that every task with side effects records instead of
 * acting, models answer the probabilities the case fixed (the others score for real, watched by a drift monitor of their
 * own so production's drift figures stay production's), and the LLM is the case's script, or absent.
 */
final class CaseWorld {

    private final Function<String, Object> application;
    private final Map<String, Object> overrides = new HashMap<>();
    private final List<RecordedEffect> effects = new ArrayList<>();
    private final List<String> toolsCalled = new ArrayList<>();

    /** What the world is built from: the application's beans and the collaborators the stand-in tasks need. */
    record Parts(Function<String, Object> application, ModelRegistry models, PromptLibrary prompts, ContentGuard guard,
                 LlmProperties llm, LlmGateway judge) {
    }

    CaseWorld(CaseBook.Fakes fakes, Parts parts) {
        this.application = parts.application();
        for (TaskCatalogue.Entry task : TaskCatalogue.shipped().entries()) {
            if (task.spec().hasSideEffects()) {
                overrides.put(task.spec().name(), new RecordingTask(task.spec(), fakes.deliveriesFail(), effects));
            }
        }
        overrides.put(ScoreWithModelTask.SPEC.name(), new ScoreWithModelTask(parts.models(), new DriftMonitor(1000, Integer.MAX_VALUE),
                fixedScores(fakes.scores())));
        LlmGateway gateway = new LlmGateway(new LlmProviders(fakes.llm() == null ? List.of()
                : List.of(new LlmProvider("case-book", "scripted", "-", "scripted by the case", new ScriptedChatModel(fakes.llm()),
                        CircuitBreaker.ofDefaults("case-book"))), Map.of()));
        overrides.put(LlmAskTask.SPEC.name(), new LlmAskTask(gateway, parts.prompts(), parts.guard(), parts.llm().budget()));
        overrides.put(LlmDraftTask.SPEC.name(), new LlmDraftTask(gateway, parts.prompts(), parts.guard(), parts.llm().budget()));
        overrides.put(LlmAgentTask.SPEC.name(), new LlmAgentTask(gateway, parts.prompts(), parts.guard(), parts.llm().budget(),
                new ToolBox(TaskCatalogue.shipped(), this::tool), new SimpleMeterRegistry()));
        if (fakes.tasks() != null) {
            fakes.tasks().forEach((task, answer) -> overrides.put(task, new FixedAnswerTask(TaskCatalogue.shipped().entries().stream()
                    .filter(e -> e.spec().name().equals(task)).findFirst()
                    .orElseThrow(() -> new CaseBookException("fakes.tasks names '" + task + "', which is no task of the catalogue")).spec(),
                    answer == null ? Map.of() : answer, effects)));
        }
    }

    private static Map<String, ScoreWithModelTask.Fixed> fixedScores(Map<String, Object> scores) {
        Map<String, ScoreWithModelTask.Fixed> fixed = new HashMap<>();
        if (scores != null) {
            scores.forEach((model, answer) -> fixed.put(model, fixedScore(model, answer)));
        }
        return fixed;
    }

    private static ScoreWithModelTask.Fixed fixedScore(String model, Object answer) {
        if (answer instanceof Number probability) {
            return new ScoreWithModelTask.Fixed(probability(model, probability), null);
        }
        if (answer instanceof Map<?, ?> map && map.get("probability") instanceof Number probability && map.keySet().stream()
                .allMatch(key -> key.equals("probability") || key.equals("score"))) {
            Object score = map.get("score");
            if (score != null && !(score instanceof Number number && number.doubleValue() >= 0 && number.doubleValue() <= 100)) {
                throw new CaseBookException("fakes.scores." + model + ".score must be a number from 0 to 100");
            }
            return new ScoreWithModelTask.Fixed(probability(model, probability), score == null ? null : ((Number) score).doubleValue());
        }
        throw new CaseBookException("fakes.scores." + model + " must be a probability, or {probability, score}");
    }

    private static double probability(String model, Number probability) {
        double p = probability.doubleValue();
        if (!(p >= 0 && p <= 1)) {
            throw new CaseBookException("fakes.scores." + model + ": a probability is from 0 to 1, not " + probability);
        }
        return p;
    }

    Object bean(String name) {
        Object override = overrides.get(name);
        return override != null ? override : application.apply(name);
    }

    private Object tool(String name) {
        toolsCalled.add(name);
        return bean(name);
    }

    List<RecordedEffect> effects() {
        return List.copyOf(effects);
    }

    List<String> toolsCalled() {
        return List.copyOf(toolsCalled);
    }
}
