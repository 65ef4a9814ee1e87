package io.circuitos.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Retrieval quality of the shipped knowledge base: 20 questions as users ask them, worded unlike the articles, each with
 * the article that answers it. Asked by {@code RetrievalQualityTest} and by the embedding benchmark of every model build.
 */
public final class RetrievalQuestions {

    public static final Map<String, String> QUESTIONS = Map.ofEntries(
            Map.entry("what password do the sample accounts use when I try it on my laptop", "starting-circuitos-locally"),
            Map.entry("which environment variables point the app at our postgres server", "running-on-postgresql"),
            Map.entry("a sales person cannot see the support queue, is that expected", "groups-and-what-they-see"),
            Map.entry("upload our subscriber list from the billing export", "importing-customers-from-csv"),
            Map.entry("kick off hundreds of re-engagements from an excel sheet", "bulk-starting-agents-from-csv"),
            Map.entry("the mail step is stuck with a red marker, how do I run it again", "fixing-an-incident-in-cockpit"),
            Map.entry("when does a closed-lost deal count as urgent", "lost-opportunity-agent"),
            Map.entry("how many points does a gym owner applicant need for the fast track", "licensing-qualification-agent"),
            Map.entry("the retention campaign is over budget, can I shrink it instead of rejecting", "approving-a-win-back-campaign"),
            Map.entry("why did fiber customers stop getting discount offers", "win-back-strategy-rotation"),
            Map.entry("publish my edited workflow diagram to the server", "deploying-a-changed-process"),
            Map.entry("make the band depend on the deal amount too", "adding-an-input-to-a-decision-table"),
            Map.entry("retrain the churn predictor on fresh data", "training-a-model"),
            Map.entry("swap in a newer scoring model while the service keeps running", "replacing-a-model-without-restart"),
            Map.entry("hook up the local llama server so emails are written by AI", "connecting-ollama"),
            Map.entry("the suggested email mentioned 50% off and got thrown away", "content-guard-rules"),
            Map.entry("our CRM resends events after a timeout, will that create two leads", "webhook-duplicates-and-retries"),
            Map.entry("we keep getting told to slow down with a retry-after header", "rate-limits-per-source"),
            Map.entry("how do I change the signing key we share with the CRM", "rotating-a-webhook-secret"),
            Map.entry("where can I see which table row made the agent pick that band", "reading-a-decision-trail"));

    private RetrievalQuestions() {
    }

    /** The questions whose article is not in the top 3 of the shipped knowledge base embedded by this model, each with what came. */
    public static List<String> missesInTopThree(EmbeddingModel model) throws Exception {
        KnowledgeBase knowledge = new KnowledgeBase(model, KnowledgeConfiguration.articles());
        List<String> misses = new ArrayList<>();
        QUESTIONS.forEach((question, article) -> {
            List<String> top = knowledge.search(question, 3).stream().map(KnowledgeBase.Hit::articleId).distinct().toList();
            if (!top.contains(article)) {
                misses.add(question + " → expected " + article + ", got " + top);
            }
        });
        return misses;
    }
}
