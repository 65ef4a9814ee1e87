package io.circuitos.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * Five starts in a row, each warming the knowledge base up during start-up (before the web server and
 * the job executor start) and searching it: the process survives every one, and the knowledge base is
 * ready by the time the application is.
 */
class RepeatedStartTest {

    @Test
    void fiveStartsInARowEachSearchTheKnowledgeBase() {
        for (int start = 1; start <= 5; start++) {
            try (RunningApp app = RunningApp.start("jdbc:h2:mem:repeated-start-" + start + "-" + System.nanoTime(), true,
                    "circuitos.knowledge.warm-up=true")) {
                assertThat(app.bean(KnowledgeHealthIndicator.class).health().getStatus()).as("start %d", start).isEqualTo(Status.UP);
                assertThat(app.bean(KnowledgeBase.class).search("How do I reset my password?", 3)).as("start %d", start).isNotEmpty();
            }
        }
    }
}
