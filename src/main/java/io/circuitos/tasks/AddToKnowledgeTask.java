package io.circuitos.tasks;

import io.circuitos.knowledge.KnowledgeArticleStore;
import io.circuitos.knowledge.KnowledgeBase;
import io.circuitos.ml.EmbeddingUnavailableException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Generic "add to the knowledge base" task: the article is saved (so a restart keeps it) and indexed at once,
 * so the next similar question finds it.
 */
public class AddToKnowledgeTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> ARTICLE_ID = TaskInput.text("articleId", "id of the new article").required();
    static final TaskInput<String> TITLE = TaskInput.text("title", "title").required().llmMayFill();
    static final TaskInput<String> QUESTION = TaskInput.text("question", "the question").required().llmMayFill();
    static final TaskInput<String> ANSWER = TaskInput.text("answer", "the answer").required().llmMayFill();
    static final TaskOutput<String> ADDED_ARTICLE_ID = TaskOutput.text("addedArticleId", "the id of the article added");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("addToKnowledge")
            .title("Add to the knowledge base")
            .description("Saves a question and its answer as a help article and indexes it, so the next similar question finds it.")
            .inputs(ARTICLE_ID, TITLE, QUESTION, ANSWER)
            .outputs(ADDED_ARTICLE_ID)
            .sideEffect("saves a help article (circuitos_knowledge_article) and indexes it")
            .build();

    private final Supplier<KnowledgeBase> knowledge;
    private final KnowledgeArticleStore answers;

    public AddToKnowledgeTask(Supplier<KnowledgeBase> knowledge, KnowledgeArticleStore answers) {
        this.knowledge = knowledge;
        this.answers = answers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = ARTICLE_ID.require(execution);
        String title = TITLE.require(execution);
        String text = "# " + title + "\n\n" + QUESTION.require(execution) + "\n\n" + ANSWER.require(execution);
        KnowledgeBase.Article article = new KnowledgeBase.Article(id, title, text);
        answers.save(article, "support answer", ClockUtil.getCurrentTime().toInstant());
        try {
            knowledge.get().add(article);
        } catch (RuntimeException e) {
            if (!EmbeddingUnavailableException.causes(e)) {
                throw e;
            }
            // degraded: the answer is saved and joins the index at the next start that loads the model
        }
        ADDED_ARTICLE_ID.write(execution, id);
    }
}
