package io.circuitos.knowledge;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Help articles embedded in process (all-MiniLM-L6-v2, offline) into an in-memory store, searched by
 * meaning. Each article is indexed as its title plus each paragraph, so a question matching one
 * paragraph finds the article; hits name the article id so answers can cite it.
 */
public class KnowledgeBase {

    public record Article(String id, String title, String text) {
    }

    public record Hit(String articleId, String title, double score, String passage) {
    }

    private final EmbeddingModel model;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private final Map<String, Article> articles = new LinkedHashMap<>();

    public KnowledgeBase(EmbeddingModel model, List<Article> initial) {
        this.model = model;
        initial.forEach(this::add);
    }

    /** Takes an article out of the index (e.g. an answer that turned out wrong); false when there was none. */
    public synchronized boolean remove(String articleId) {
        if (articles.remove(articleId) == null) {
            return false;
        }
        store.removeAll(new dev.langchain4j.store.embedding.filter.comparison.IsEqualTo("articleId", articleId));
        return true;
    }

    public synchronized void add(Article article) {
        if (articles.containsKey(article.id())) {
            store.removeAll(new dev.langchain4j.store.embedding.filter.comparison.IsEqualTo("articleId", article.id()));
        }
        articles.put(article.id(), article);
        List<TextSegment> segments = new ArrayList<>();
        for (String paragraph : article.text().split("\\n\\s*\\n")) {
            String passage = paragraph.strip();
            if (!passage.isEmpty() && !passage.startsWith("# ")) {
                segments.add(TextSegment.from(article.title() + "\n" + passage,
                        Metadata.from(Map.of("articleId", article.id(), "title", article.title()))));
            }
        }
        if (segments.isEmpty()) {
            segments.add(TextSegment.from(article.title(), Metadata.from(Map.of("articleId", article.id(), "title", article.title()))));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        store.addAll(embeddings, segments);
    }

    /**
     * How well these articles support a statement: the highest cosine similarity (-1 to 1) between the
     * statement and a passage of one of them; -1 when none of them is in the base.
     */
    public double support(String statement, java.util.Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return -1;
        }
        Embedding query = model.embed(statement).content();
        return store.search(EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(1)
                        .filter(new dev.langchain4j.store.embedding.filter.comparison.IsIn("articleId", articleIds)).build())
                .matches().stream().findFirst()
                .map(match -> dev.langchain4j.store.embedding.CosineSimilarity.fromRelevanceScore(match.score()))
                .orElse(-1.0);
    }

    /** The best {@code k} articles for a question, each with its best-matching passage and score (0–1). */
    public List<Hit> search(String question, int k) {
        Embedding query = model.embed(question).content();
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(query).maxResults(Math.max(k * 4, 8)).build()).matches();
        Map<String, Hit> best = new LinkedHashMap<>();
        for (EmbeddingMatch<TextSegment> match : matches) {
            String id = match.embedded().metadata().getString("articleId");
            if (!best.containsKey(id)) {
                best.put(id, new Hit(id, match.embedded().metadata().getString("title"), match.score(),
                        match.embedded().text()));
            }
        }
        return best.values().stream().limit(k).toList();
    }
}
