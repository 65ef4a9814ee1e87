package io.circuitos.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Tasklist sorts by task priority: every shipped human task has one, on one scale across agents (100 within the
 * hour or escalated, 75 within a day, 50 within days, 25 no deadline), so one rep's queue reads across agents.
 */
class TaskPrioritiesTest {

    private static Map<String, String> priorities() {
        Map<String, String> byTask = new HashMap<>();
        ShippedAgents.processes().forEach((file, xml) -> Bpmn.readModelFromStream(new ByteArrayInputStream(xml))
                .getModelElementsByType(UserTask.class).forEach(task -> byTask.put(task.getId(), task.getCamundaPriority())));
        return byTask;
    }

    @Test
    void everyShippedHumanTaskHasAPriority() {
        List<String> without = new ArrayList<>();
        priorities().forEach((task, priority) -> {
            if (priority == null || priority.isBlank()) {
                without.add(task);
            }
        });
        assertThat(priorities()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(without).isEmpty();
    }

    @Test
    void urgentSalesWorkOutranksFollowUpsAndEscalationsOutrankTheirTask() {
        Map<String, String> p = priorities();
        assertThat(number(p.get("CallApplicant"))).as("FAST_TRACK call above the QUALIFIED follow-up")
                .isGreaterThan(number(p.get("FollowUpApplication")));
        assertThat(number(p.get("ReengageOpportunity"))).as("urgent lost opportunity above a two-day follow-up")
                .isGreaterThan(number(p.get("FollowUpApplication")));
        assertThat(number(p.get("ReengageEscalated"))).isGreaterThan(number(p.get("ReengageOpportunity")));
        assertThat(number(p.get("SendByHand"))).as("an applicant waiting for an email above a follow-up")
                .isGreaterThan(number(p.get("FollowUpApplication")));
        assertThat(number(p.get("ReviewStrategy"))).isLessThan(number(p.get("ApproveCampaign")));
    }

    private static int number(String priority) {
        return Integer.parseInt(priority);
    }
}
