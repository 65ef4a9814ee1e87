package io.circuitos.tasks;

import io.circuitos.knowledge.KnowledgeBase;
import io.circuitos.ml.EmbeddingUnavailableException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "search the knowledge base" task. Input {@code question}, optional {@code k} (default 3).
 * Writes local {@code articleIds} (comma-separated, best first), {@code citedArticles} (one line per
 * article: id, title, score, for people), {@code knowledgeContext} (the passages, each after its
 * {@code [article id]}, for a prompt) and {@code topArticleScore} (0–1).
 */
public class SearchKnowledgeDelegate implements JavaDelegate {

    private static final int MAX_TEXT = 3_900;

    private final Supplier<KnowledgeBase> knowledge;

    public SearchKnowledgeDelegate(Supplier<KnowledgeBase> knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int limit = (int) TaskInputs.number(execution, "k", 3);
        List<KnowledgeBase.Hit> hits = hits(String.valueOf(execution.getVariable("question")), limit);
        execution.setVariableLocal("articleIds", hits.stream().map(KnowledgeBase.Hit::articleId).collect(Collectors.joining(",")));
        execution.setVariableLocal("citedArticles", hits.stream()
                .map(h -> String.format(Locale.ROOT, "%s — %s (%.2f)", h.articleId(), h.title(), h.score()))
                .collect(Collectors.joining("\n")));
        String context = hits.stream().map(h -> "[" + h.articleId() + "] " + h.passage()).collect(Collectors.joining("\n\n"));
        // process text variables hold 4,000 characters; the best passages come first, so cutting the tail loses least
        execution.setVariableLocal("knowledgeContext", context.length() > MAX_TEXT ? context.substring(0, MAX_TEXT) : context);
        execution.setVariableLocal("topArticleScore", hits.isEmpty() ? 0.0 : Math.round(hits.get(0).score() * 1000d) / 1000d);
    }

    /** Degraded (the embedding model could not be loaded, health {@code knowledge} says why): no article found. */
    private List<KnowledgeBase.Hit> hits(String question, int limit) {
        try {
            return knowledge.get().search(question, limit);
        } catch (RuntimeException e) {
            if (!EmbeddingUnavailableException.causes(e)) {
                throw e;
            }
            return List.of();
        }
    }
}
