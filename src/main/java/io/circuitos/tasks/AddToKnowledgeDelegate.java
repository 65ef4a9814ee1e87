package io.circuitos.tasks;

import io.circuitos.knowledge.KnowledgeAnswers;
import io.circuitos.knowledge.KnowledgeBase;
import io.circuitos.ml.EmbeddingUnavailableException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Generic "add to the knowledge base" task: inputs {@code articleId}, {@code title}, {@code question}
 * and {@code answer}. The article is saved (so a restart keeps it) and indexed at once, so the next
 * similar question finds it. Writes local {@code addedArticleId}.
 */
public class AddToKnowledgeDelegate implements JavaDelegate {

    private final Supplier<KnowledgeBase> knowledge;
    private final KnowledgeAnswers answers;

    public AddToKnowledgeDelegate(Supplier<KnowledgeBase> knowledge, KnowledgeAnswers answers) {
        this.knowledge = knowledge;
        this.answers = answers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = String.valueOf(execution.getVariable("articleId"));
        String title = String.valueOf(execution.getVariable("title"));
        String text = "# " + title + "\n\n" + execution.getVariable("question") + "\n\n" + execution.getVariable("answer");
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
        execution.setVariableLocal("addedArticleId", id);
    }
}
