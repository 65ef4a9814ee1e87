package io.circuitos.intake;

import io.circuitos.engine.RunPayload;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One webhook route, as an analyst writes it in {@code routes/<agent>.yaml} ({@link RouteCatalogue}).
 *
 * @param type        event {@code type} this route handles, e.g. {@code opportunity.closed_lost}
 * @param processKey  process definition key started for it (or, with {@code message}, the process it continues)
 * @param message     when set, the event is correlated as this BPMN message: to the running instance
 *                    with the business key, or to a message start event, which starts one with that key
 * @param handler     when set, the event is applied by this {@link EventHandler} instead (no process)
 * @param businessKey name of the field that becomes (or finds) the business key
 * @param sources     sources allowed to send this type (required)
 * @param fields      payload fields, each read by its name in the run ({@link #startVariables})
 * @param onActiveRun what an event does when its business key already has an active run of {@code processKey}:
 *                    {@code ignore}, {@code correlate} (needs {@code message}) or {@code start}; unset, a route
 *                    with a message correlates and one without ignores (no second run by accident)
 * @param outcome     for an event that says how a case ended ({@code opportunity.won}): the outcome it labels the run of
 *                    {@code processKey} with that business key with, applied by the route's handler
 * @param start       {@code queued} (durable inbox, 202 at once) or {@code in-request}; unset, see {@link #startTiming()}
 */
public record Route(String type, String processKey, String message, String handler, String businessKey, @DefaultValue List<String> sources,
                    @DefaultValue List<FieldMapping> fields, ActiveRunPolicy onActiveRun, Outcome outcome, StartTiming start) {

    @ConstructorBinding
    public Route {
    }

    public Route(String type, String processKey, String message, String handler, String businessKey, List<String> sources,
                 List<FieldMapping> fields, ActiveRunPolicy onActiveRun) {
        this(type, processKey, message, handler, businessKey, sources, fields, onActiveRun, null, null);
    }

    public Route(String type, String processKey, String message, String handler, String businessKey, List<String> sources,
                 List<FieldMapping> fields, ActiveRunPolicy onActiveRun, Outcome outcome) {
        this(type, processKey, message, handler, businessKey, sources, fields, onActiveRun, outcome, null);
    }

    /**
     * The timing in force: the configured one, else queued for a route that starts runs and in the request for one that
     * continues a waiting run or is applied by a handler (its sender needs to know at once whether it reached a run).
     */
    public StartTiming startTiming() {
        if (start != null) {
            return start;
        }
        return handler != null || activeRunPolicy() == ActiveRunPolicy.CORRELATE ? StartTiming.IN_REQUEST : StartTiming.QUEUED;
    }

    /**
     * How a case ended, as a label for the models: {@code name} as people read it ({@code won}, {@code signed},
     * {@code reopened}) and whether it is the outcome the agent's model predicts ({@code positive}).
     */
    public record Outcome(String name, @DefaultValue("false") boolean positive) {
    }

    /**
     * The variables a run this route starts gets from its mapped fields: the personal ones each a variable of its own
     * (the redaction of REST answers and trails finds personal data by name), the others together in the run's payload ({@link RunPayload}).
     */
    public Map<String, Object> startVariables(Map<String, Object> mapped) {
        Set<String> personal = fields.stream().filter(FieldMapping::personal).map(FieldMapping::name).collect(Collectors.toSet());
        return RunPayload.startVariables(mapped, personal::contains);
    }

    /** The policy in force: the configured one, else the default by the route's shape; null for a handler route (no run). */
    public ActiveRunPolicy activeRunPolicy() {
        if (handler != null) {
            return null;
        }
        if (onActiveRun != null) {
            return onActiveRun;
        }
        return message != null ? ActiveRunPolicy.CORRELATE : ActiveRunPolicy.IGNORE;
    }

    /** What would leave this route open, unreachable or unable to store its events, each naming the key to fix. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        String route = "webhook route " + type;
        if (type == null || type.isBlank()) {
            problems.add("a webhook route names no type: set type");
        }
        limitProblem().ifPresent(problems::add);
        if (onActiveRun != null && handler != null) {
            problems.add(route + ": on-active-run applies to runs, but the route has handler " + handler + " and starts none; remove on-active-run");
        }
        if (start == StartTiming.QUEUED && (handler != null || activeRunPolicy() == ActiveRunPolicy.CORRELATE)) {
            problems.add(route + ": start queued is for routes that start runs; a handler route or one that continues the active run "
                    + "(on-active-run correlate) answers whether the run took the event, so it starts in the request: remove start");
        }
        if (onActiveRun == ActiveRunPolicy.CORRELATE && message == null) {
            problems.add(route + ": on-active-run correlate needs the message to correlate: set message");
        }
        if (handler == null && processKey == null) {
            problems.add(route + " names neither process-key nor handler: set one");
        }
        if (handler == null && businessKey == null) {
            problems.add(route + " names no business-key: set business-key");
        }
        if (outcome != null && (handler == null || processKey == null || businessKey == null)) {
            problems.add(route + ": an outcome labels the run of process-key with the business-key, applied by a handler: set handler "
                    + "(run-outcome), process-key and business-key");
        }
        if (outcome != null && (outcome.name() == null || outcome.name().isBlank())) {
            problems.add(route + ": the outcome names nothing: set outcome.name (e.g. won)");
        }
        if (sources.isEmpty()) {
            problems.add(route + " names no sources: set sources");
        }
        if (fields.stream().anyMatch(field -> RunPayload.VARIABLE.equals(field.name()))) {
            problems.add(route + ": a field is named " + RunPayload.VARIABLE + ", the variable a run keeps its start's fields in: rename it");
        }
        return problems;
    }

    /** A text field longer than what stores it: the business key column, else the engine's text variables. */
    private java.util.Optional<String> limitProblem() {
        for (FieldMapping field : fields) {
            boolean text = field.type() == FieldType.STRING || field.type() == FieldType.EMAIL;
            boolean key = field.name() != null && field.name().equals(businessKey);
            int limit = key ? IntakeLimits.BUSINESS_KEY_MAX_LENGTH : IntakeLimits.TEXT_MAX_LENGTH;
            if (text && (key ? field.maxLength() == null || field.maxLength() > limit : field.maxLength() != null && field.maxLength() > limit)) {
                return java.util.Optional.of("webhook route " + type + ": field " + field.name() + " needs max-length ≤ " + limit
                        + (key ? " (it is the business key)" : " (the engine's text variables)"));
            }
        }
        return java.util.Optional.empty();
    }
}
