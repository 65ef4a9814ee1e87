package io.circuitos.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.ml.SharedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** In-process retrieval over the shipped help articles, offline, with questions worded unlike the articles (the top 3 is what the support agent cites). */
class KnowledgeBaseTest {

    private static KnowledgeBase knowledge;

    @BeforeAll
    static void index() throws Exception {
        System.setProperty("ai.djl.offline", "true");
        knowledge = new KnowledgeBase(SharedEmbeddingModel.get(), KnowledgeConfiguration.articles());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "how do I compute the HMAC header for a CRM event | sending-a-signed-webhook",
            "my request keeps coming back with status 429, what now | webhook-rejections",
            "where do I see the leads assigned to my team and take one | working-tasks-in-tasklist",
            "I want urgent to begin at 75 points instead of 80 | changing-a-decision-table",
            "what does a percentile of 90 tell me about a lead | model-scores-explained",
            "the email suggestion was not written by AI, why | llm-drafts-and-fallbacks"})
    void theRightArticleIsInTheTopThree(String question, String article) {
        List<KnowledgeBase.Hit> hits = knowledge.search(question, 3);
        assertThat(hits).hasSize(3);
        assertThat(hits).as("top hits %s", hits).extracting(KnowledgeBase.Hit::articleId).contains(article);
        assertThat(hits).allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0, 1.0));
        assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(hits.get(2).score());
    }

    @Test
    void aNewArticleIsSearchableRightAfterItIsAdded() {
        knowledge.add(new KnowledgeBase.Article("resetting-a-password", "Resetting your password",
                "# Resetting your password\n\nAsk an administrator to set a new password for you in Camunda Admin."));
        assertThat(knowledge.search("I forgot my login secret", 1).get(0).articleId()).isEqualTo("resetting-a-password");
    }
}
