package io.circuitos.knowledge;

import io.circuitos.ml.SharedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@Configuration
public class KnowledgeConfiguration {

    /** Built on first use: the embedding model costs a second and some memory that only the support agent needs. */
    @Bean
    @Lazy
    public KnowledgeBase knowledgeBase(KnowledgeArticleStore answers) throws IOException {
        List<KnowledgeBase.Article> all = new ArrayList<>(articles());
        all.addAll(answers.all());
        return new KnowledgeBase(SharedEmbeddingModel.get(), all);
    }

    @Bean
    @ConditionalOnProperty(name = "circuitos.knowledge.warm-up", havingValue = "true", matchIfMissing = true)
    public KnowledgeWarmUp knowledgeWarmUp(ObjectProvider<KnowledgeBase> knowledge) {
        return new KnowledgeWarmUp(SharedEmbeddingModel.loader(), knowledge);
    }

    @Bean("knowledge")
    public KnowledgeHealthIndicator knowledgeHealthIndicator() {
        return new KnowledgeHealthIndicator(SharedEmbeddingModel.loader());
    }

    @Bean
    public KnowledgeArticleStore knowledgeArticleStore(JdbcTemplate jdbc) {
        return new KnowledgeArticleStore(jdbc);
    }

    /** The markdown articles of the top-level {@code knowledge/} folder; id = file name, title = first heading. */
    public static List<KnowledgeBase.Article> articles() throws IOException {
        List<KnowledgeBase.Article> articles = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:knowledge/*.md")) {
            String text;
            try (InputStream in = resource.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = resource.getFilename().replaceFirst("\\.md$", "");
            String title = text.lines().filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip()).findFirst().orElse(id);
            articles.add(new KnowledgeBase.Article(id, title, text));
        }
        return articles;
    }
}
