package io.circuitos.audit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The provisioned Grafana dashboard asks only for series circuitos exports, and shows what operators need. */
class ObservabilityKitTest {

    /** The contract names (issue: Prometheus), as Prometheus names the series of each meter. */
    private static final Set<String> EXPORTED = Set.of("circuitos_agent_runs_started_total", "circuitos_agent_runs_ended_total",
            "circuitos_agent_decisions_total", "circuitos_agent_handoffs_total", "circuitos_agent_escalations_total",
            "circuitos_agent_incidents_total", "circuitos_llm_calls_total", "circuitos_webhooks_total",
            "circuitos_agent_handoff_seconds_bucket", "circuitos_agent_handoff_seconds_count", "circuitos_agent_handoff_seconds_sum",
            "circuitos_model_psi");

    @Test
    void theDashboardQueriesExportedSeriesOnly() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("ops/grafana/circuitos.json")));
        List<String> titles = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        Pattern series = Pattern.compile("circuitos_[a-z_]+");
        for (JsonNode panel : dashboard.get("panels")) {
            titles.add(panel.get("title").asText());
            for (JsonNode target : panel.get("targets")) {
                Matcher name = series.matcher(target.get("expr").asText());
                while (name.find()) {
                    used.add(name.group());
                }
            }
        }
        assertThat(EXPORTED).containsAll(used);
        assertThat(used).contains("circuitos_agent_runs_started_total", "circuitos_agent_decisions_total",
                "circuitos_agent_handoff_seconds_bucket", "circuitos_llm_calls_total", "circuitos_agent_incidents_total");
        assertThat(String.join("\n", titles)).contains("Runs started per agent", "Decisions per band", "p50 / p99", "LLM fallback rate",
                "Incidents");
    }

    @Test
    void prometheusScrapesTheAppWithTheScrapeCredential() throws IOException {
        String config = Files.readString(Path.of("ops/prometheus/prometheus.yml"));
        assertThat(config).contains("metrics_path: /actuator/prometheus").contains("username: prometheus").contains("password_file:")
                .contains("app:8080");
        assertThat(Files.readString(Path.of("docker-compose.yml"))).contains("./ops/grafana/circuitos.json:/var/lib/grafana/dashboards/circuitos.json")
                .contains("CIRCUITOS_METRICS_SCRAPE_PASSWORD: ${CIRCUITOS_METRICS_SCRAPE_PASSWORD:?");
    }
}
