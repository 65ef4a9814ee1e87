package io.circuitos.tasks;

import io.circuitos.knowledge.Grounding;
import io.circuitos.knowledge.KnowledgeBase;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "check an answer against the retrieved articles" task. Inputs {@code answer} and
 * {@code articleIds} (as {@code searchKnowledge} wrote them). Writes local {@code grounding} (share of
 * the answer's content sentences the articles support, 0–1), {@code grounded} and {@code groundingNote}
 * (for people: which sentences are not supported). Thresholds: {@code circuitos.llm.grounding.*}.
 */
public class CheckGroundingDelegate implements JavaDelegate {

    private final Supplier<KnowledgeBase> knowledge;
    private final Grounding grounding;

    public CheckGroundingDelegate(Supplier<KnowledgeBase> knowledge, Grounding grounding) {
        this.knowledge = knowledge;
        this.grounding = grounding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object answer = execution.getVariable("answer");
        Object ids = execution.getVariable("articleIds");
        List<String> articles = ids == null ? List.of()
                : Arrays.stream(ids.toString().split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
        Grounding.Result result = grounding.measure(answer == null ? "" : answer.toString(),
                sentence -> knowledge.get().support(sentence, articles));
        execution.setVariableLocal("grounding", result.share());
        execution.setVariableLocal("grounded", result.grounded());
        execution.setVariableLocal("groundingNote", result.note());
    }
}
