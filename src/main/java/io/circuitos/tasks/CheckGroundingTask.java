package io.circuitos.tasks;

import io.circuitos.knowledge.Grounding;
import io.circuitos.knowledge.KnowledgeBase;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "check an answer against the retrieved articles" task, the articles as {@code searchKnowledge}
 * wrote them. Thresholds: {@code circuitos.llm.grounding.*}.
 */
public class CheckGroundingTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> ANSWER = TaskInput.text("answer", "the model's answer").required().llmMayFill();
    static final TaskInput<List<String>> ARTICLE_IDS = TaskInput.list(SearchKnowledgeTask.ARTICLE_IDS.name(),
            "the retrieved articles (comma-separated ids)").required();
    static final TaskOutput<Number> GROUNDING = TaskOutput.number("grounding", "0–1: share of the answer's content sentences the articles support");
    static final TaskOutput<Boolean> GROUNDED = TaskOutput.bool("grounded", "whether the share and every sentence pass the thresholds");
    static final TaskOutput<String> GROUNDING_NOTE = TaskOutput.text("groundingNote", "for people: which sentences are not supported");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("checkGrounding")
            .title("Check an answer against the retrieved articles")
            .description("Measures how much of an answer the retrieved help articles support, sentence by sentence.")
            .inputs(ANSWER, ARTICLE_IDS)
            .outputs(GROUNDING, GROUNDED, GROUNDING_NOTE)
            .noSideEffects()
            .build();

    private final Supplier<KnowledgeBase> knowledge;
    private final Grounding grounding;

    public CheckGroundingTask(Supplier<KnowledgeBase> knowledge, Grounding grounding) {
        this.knowledge = knowledge;
        this.grounding = grounding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> articles = ARTICLE_IDS.read(execution, List.of());
        Grounding.Result result = grounding.measure(ANSWER.read(execution, ""), sentence -> knowledge.get().support(sentence, articles));
        GROUNDING.write(execution, result.share());
        GROUNDED.write(execution, result.grounded());
        GROUNDING_NOTE.write(execution, result.note());
    }
}
