package io.circuitos.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.ml.SharedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The right article is in the top 3 for at least 18 of the 20 {@link RetrievalQuestions}, with the model the product embeds with. */
class RetrievalQualityTest {

    @Test
    void theShippedKnowledgeBaseHasAtLeast25Articles() throws Exception {
        assertThat(KnowledgeConfiguration.articles()).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void theRightArticleIsInTheTopThreeForAtLeast18Of20Questions() throws Exception {
        List<String> misses = RetrievalQuestions.missesInTopThree(SharedEmbeddingModel.get());
        int total = RetrievalQuestions.QUESTIONS.size();
        System.out.println("retrieval: " + (total - misses.size()) + " of " + total + " in the top 3; misses " + misses);
        assertThat(total - misses.size()).as("misses: %s", misses).isGreaterThanOrEqualTo(18);
    }
}
