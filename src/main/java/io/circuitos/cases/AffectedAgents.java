package io.circuitos.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which agents a deployment touches: the processes it contains, and the processes (shipped or in the deployment) that
 * call a decision or open a form it contains.
 */
final class AffectedAgents {

    private static final Pattern PROCESS = Pattern.compile("<(?:\\w+:)?process\\s[^>]*?\\bid=\"([^\"]+)\"");
    private static final Pattern DECISION = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*?\\bid=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AffectedAgents() {
    }

    static Set<String> of(Map<String, byte[]> resources, Map<String, byte[]> shippedProcesses) {
        Map<String, String> processes = new LinkedHashMap<>();
        shippedProcesses.values().forEach(bpmn -> text(bpmn, processes));
        Set<String> affected = new TreeSet<>();
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            String name = resource.getKey().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                affected.addAll(text(resource.getValue(), processes));
            }
        }
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            String name = resource.getKey().toLowerCase(java.util.Locale.ROOT);
            String content = new String(resource.getValue(), StandardCharsets.UTF_8);
            if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                Matcher decision = DECISION.matcher(content);
                while (decision.find()) {
                    String reference = "decisionRef=\"" + decision.group(1) + "\"";
                    processes.forEach((key, bpmn) -> {
                        if (bpmn.contains(reference)) {
                            affected.add(key);
                        }
                    });
                }
            } else if (name.endsWith(".form")) {
                String form = formId(content);
                if (form != null) {
                    processes.forEach((key, bpmn) -> {
                        if (bpmn.contains("formRef=\"" + form + "\"")) {
                            affected.add(key);
                        }
                    });
                }
            }
        }
        return affected;
    }

    /** The process keys in a BPMN file, each remembered with the file's text (a deployed one replaces the shipped). */
    private static Set<String> text(byte[] bpmn, Map<String, String> processes) {
        String content = new String(bpmn, StandardCharsets.UTF_8);
        Set<String> keys = new TreeSet<>();
        Matcher process = PROCESS.matcher(content);
        while (process.find()) {
            keys.add(process.group(1));
            processes.put(process.group(1), content);
        }
        return keys;
    }

    private static String formId(String json) {
        try {
            return JSON.readTree(json).path("id").asText(null);
        } catch (Exception e) {
            return null; // the guard has refused an unreadable form already
        }
    }
}
