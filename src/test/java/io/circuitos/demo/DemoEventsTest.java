package io.circuitos.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitos.support.RunningApp;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

/** The embedded default's first start: every shipped demo event is accepted by its route and starts its agent. */
class DemoEventsTest {

    @Test
    void theDemoEventsStartEveryAgentOnFirstStart() {
        try (RunningApp app = RunningApp.start("jdbc:h2:mem:demo-" + System.nanoTime(), false, "circuitos.demo-data.enabled=true")) {
            RuntimeService runtime = app.bean(RuntimeService.class);
            for (String agent : List.of("lost-opportunity", "licensing-qualification", "win-back", "support-escalation", "conversation")) {
                assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(agent).count()).as(agent).isPositive();
            }
        }
    }
}
