package io.circuitos.tasks;

import io.circuitos.knowledge.KnowledgeBase;
import io.circuitos.ml.EmbeddingUnavailableException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Generic "search the knowledge base" task: the best articles for a question, for people and for a prompt. */
public class SearchKnowledgeTask implements JavaDelegate, GenericTask {

    private static final int MAX_TEXT = 3_900;

    static final TaskInput<String> QUESTION = TaskInput.text("question", "the text to search for").required().llmMayFill();
    static final TaskInput<Double> K = TaskInput.number("k", "how many articles (default 3)").llmMayFill();
    static final TaskOutput<List<String>> ARTICLE_IDS = TaskOutput.list("articleIds", "the articles found, best first (comma-separated ids)");
    static final TaskOutput<String> CITED_ARTICLES = TaskOutput.text("citedArticles", "one line per article: id, title, score, for people");
    static final TaskOutput<String> KNOWLEDGE_CONTEXT = TaskOutput.text("knowledgeContext",
            "the passages, each after its [article id], for a prompt");
    static final TaskOutput<Number> TOP_ARTICLE_SCORE = TaskOutput.number("topArticleScore", "0–1: how well the best article matches");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("searchKnowledge")
            .title("Search the knowledge base")
            .description("Finds the help articles closest in meaning to a question; none when the embedding model is not loaded.")
            .inputs(QUESTION, K)
            .outputs(ARTICLE_IDS, CITED_ARTICLES, KNOWLEDGE_CONTEXT, TOP_ARTICLE_SCORE)
            .noSideEffects()
            .tool()
            .build();

    private final Supplier<KnowledgeBase> knowledge;

    public SearchKnowledgeTask(Supplier<KnowledgeBase> knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int limit = K.read(execution, 3.0).intValue();
        List<KnowledgeBase.Hit> hits = hits(QUESTION.require(execution), limit);
        ARTICLE_IDS.write(execution, hits.stream().map(KnowledgeBase.Hit::articleId).toList());
        CITED_ARTICLES.write(execution, hits.stream()
                .map(h -> String.format(Locale.ROOT, "%s — %s (%.2f)", h.articleId(), h.title(), h.score()))
                .collect(Collectors.joining("\n")));
        String context = hits.stream().map(h -> "[" + h.articleId() + "] " + h.passage()).collect(Collectors.joining("\n\n"));
        // process text variables hold 4,000 characters; the best passages come first, so cutting the tail loses least
        KNOWLEDGE_CONTEXT.write(execution, context.length() > MAX_TEXT ? context.substring(0, MAX_TEXT) : context);
        TOP_ARTICLE_SCORE.write(execution, hits.isEmpty() ? 0.0 : Math.round(hits.get(0).score() * 1000d) / 1000d);
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
