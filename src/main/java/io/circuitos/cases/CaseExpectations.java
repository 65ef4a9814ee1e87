package io.circuitos.cases;

import io.circuitos.engine.RunPayload;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** What a case expects, checked against its run's history in the isolated engine: the first difference, in words. */
final class CaseExpectations {

    private final ProcessEngine engine;
    private final String processInstanceId;
    private final CaseWorld world;
    private final CaseJudge judge;
    private final List<String> notes;

    /** @param notes where what the reader should know is added (a draft not judged, a judge's reason) */
    CaseExpectations(ProcessEngine engine, String processInstanceId, CaseWorld world, CaseJudge judge, List<String> notes) {
        this.engine = engine;
        this.processInstanceId = processInstanceId;
        this.world = world;
        this.judge = judge;
        this.notes = notes;
    }

    String firstDifference(CaseBook.Expect expect) {
        List<String> passed = activities().stream().map(HistoricActivityInstance::getActivityId).toList();
        String incident = incident();
        if (incident != null && (expect.endedAt() != null || expect.waitsAt() != null)) {
            return "the run has an incident: " + incident;
        }
        if (expect.variables() != null) {
            Map<String, Object> actual = variables();
            for (Map.Entry<String, Object> wanted : expect.variables().entrySet()) {
                Object value = actual.get(wanted.getKey());
                if (!same(wanted.getValue(), value)) {
                    return "variable " + wanted.getKey() + " is " + describe(value) + ", expected " + describe(wanted.getValue());
                }
            }
        }
        if (expect.waitsAt() != null) {
            String difference = waiting(expect);
            if (difference != null) {
                return difference;
            }
        }
        if (expect.endedAt() != null) {
            boolean ended = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
            if (!ended || !passed.contains(expect.endedAt())) {
                return "expected to end at " + expect.endedAt() + ", but " + (ended ? "it ended at " + endEvents() : "it waits at " + waitingAt(engine, processInstanceId));
            }
        }
        for (String element : expect.passed() == null ? List.<String>of() : expect.passed()) {
            if (!passed.contains(element)) {
                return "did not pass " + element;
            }
        }
        for (String element : expect.notPassed() == null ? List.<String>of() : expect.notPassed()) {
            if (passed.contains(element)) {
                return "passed " + element + ", which it must not";
            }
        }
        if (expect.sideEffects() != null) {
            List<String> recorded = world.effects().stream().map(RecordedEffect::task).toList();
            if (!recorded.equals(expect.sideEffects())) {
                return "side effects " + recorded + ", expected " + expect.sideEffects();
            }
        }
        if (expect.toolsCalled() != null && !world.toolsCalled().equals(expect.toolsCalled())) {
            return "tools called " + world.toolsCalled() + ", expected " + expect.toolsCalled();
        }
        for (CaseBook.Text text : expect.text() == null ? List.<CaseBook.Text>of() : expect.text()) {
            String difference = text(text);
            if (difference != null) {
                return difference;
            }
        }
        for (CaseBook.Judged judged : expect.judged() == null ? List.<CaseBook.Judged>of() : expect.judged()) {
            String difference = judged(judged);
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private String judged(CaseBook.Judged judged) {
        Object draft = variables().get(judged.variable());
        if (draft == null) {
            return "variable " + judged.variable() + " is not set, so no draft to judge";
        }
        CaseJudge.Verdict verdict = judge.judge(judged.rubric(), draft.toString());
        if (verdict.score() == null) {
            notes.add(judged.variable() + " " + verdict.note() + "; its fallback phrases were checked instead");
            return judged.fallback() == null ? null
                    : text(new CaseBook.Text(judged.variable(), judged.fallback().contains(), judged.fallback().notContains()));
        }
        notes.add(judged.variable() + " " + verdict.note());
        return verdict.score() >= judged.minimum() ? null
                : judged.variable() + " scores " + verdict.score() + " against its rubric, below " + judged.minimum();
    }

    private String waiting(CaseBook.Expect expect) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(expect.waitsAt())
                .singleResult();
        if (task == null) {
            return "expected to wait at " + expect.waitsAt() + ", but it " + (incident() != null ? "has an incident: " + incident()
                    : engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0
                    ? "ended at " + endEvents() : "waits at " + waitingAt(engine, processInstanceId));
        }
        if (expect.candidateGroup() != null) {
            List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).toList();
            if (!groups.contains(expect.candidateGroup())) {
                return "user task " + expect.waitsAt() + " is for " + groups + ", expected " + expect.candidateGroup();
            }
        }
        if (expect.priority() != null && task.getPriority() != expect.priority()) {
            return "user task " + expect.waitsAt() + " has priority " + task.getPriority() + ", expected " + expect.priority();
        }
        return null;
    }

    private String text(CaseBook.Text text) {
        Object value = variables().get(text.variable());
        if (value == null) {
            return "variable " + text.variable() + " is not set, so no text to check";
        }
        String actual = value.toString();
        for (String phrase : text.contains() == null ? List.<String>of() : text.contains()) {
            if (!actual.toLowerCase(java.util.Locale.ROOT).contains(phrase.toLowerCase(java.util.Locale.ROOT))) {
                return text.variable() + " does not contain \"" + phrase + "\"";
            }
        }
        for (String phrase : text.notContains() == null ? List.<String>of() : text.notContains()) {
            if (actual.toLowerCase(java.util.Locale.ROOT).contains(phrase.toLowerCase(java.util.Locale.ROOT))) {
                return text.variable() + " contains \"" + phrase + "\", which it must not";
            }
        }
        return null;
    }

    private Map<String, Object> variables() {
        Map<String, Object> values = new HashMap<>();
        for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
            if (variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(processInstanceId)) {
                org.camunda.bpm.engine.variable.value.TypedValue typed = variable.getTypedValue();
                values.put(variable.getName(), typed instanceof org.camunda.bpm.engine.variable.value.ObjectValue object && !object.isDeserialized()
                        ? object.getValueSerialized() : typed == null ? null : typed.getValue());
            }
        }
        return RunPayload.withFields(values);
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        if (expected != null && actual != null && !(expected instanceof Number) && !(expected instanceof Boolean)) {
            return expected.toString().equals(actual.toString());
        }
        return Objects.equals(expected, actual);
    }

    private static String describe(Object value) {
        return value == null ? "not set" : value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private String incident() {
        return engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstanceId).list().stream()
                .map(i -> i.getActivityId() + ": " + i.getIncidentMessage()).findFirst().orElse(null);
    }

    private List<HistoricActivityInstance> activities() {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderPartiallyByOccurrence().asc().list();
    }

    private String endEvents() {
        return activities().stream().filter(a -> a.getActivityType().endsWith("EndEvent") || a.getActivityType().equals("endEvent"))
                .map(HistoricActivityInstance::getActivityId).toList().toString();
    }

    static String waitingAt(ProcessEngine engine, String processInstanceId) {
        List<String> waiting = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .unfinished().list().stream().map(HistoricActivityInstance::getActivityId)
                .filter(id -> !id.equals(processInstanceId)).toList();
        return waiting.isEmpty() ? "nothing (it ended)" : waiting.toString();
    }

    /** The elements the run passed, in order, as {@code name (id)}. */
    static List<String> path(ProcessEngine engine, String processInstanceId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderPartiallyByOccurrence().asc().list().stream()
                .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
                .map(a -> (a.getActivityName() == null ? a.getActivityId() : a.getActivityName()) + " (" + a.getActivityId() + ")").toList();
    }
}
