package io.circuitos.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes live with their agent ({@code routes/<agent>.yaml}); a bad route file is refused naming the file and the key to fix. */
class RouteCatalogueTest {

    @Test
    void everyShippedRouteLivesInItsAgentsFile() {
        RouteCatalogue shipped = RouteCatalogue.shipped();

        assertThat(shipped.problems()).isEmpty();
        assertThat(shipped.routes()).extracting(Route::type).doesNotHaveDuplicates().contains("opportunity.closed_lost",
                "licensing.application_submitted", "winback.campaign_requested", "support.ticket_created", "conversation.message_received",
                "customer.updated");
        shipped.routes().stream().filter(route -> route.processKey() != null).forEach(route ->
                assertThat(RouteCatalogue.read("classpath*:routes/" + route.processKey() + ".yaml").routes())
                        .as("route %s in routes/%s.yaml", route.type(), route.processKey()).contains(route));
    }

    @Test
    void aShippedRouteReadsAsItIsWritten() {
        Route replied = RouteCatalogue.shipped().route("licensing.applicant_replied").orElseThrow();

        assertThat(replied.activeRunPolicy()).isEqualTo(ActiveRunPolicy.CORRELATE);
        assertThat(replied.message()).isEqualTo("ApplicantReplied");
        assertThat(replied.sources()).containsExactly("forms");
        assertThat(replied.fields()).containsExactly(
                new FieldMapping("applicationId", "data.applicationId", FieldType.STRING, true, null, null, 255, List.of(), null, false),
                new FieldMapping("applicantReply", "data.message", FieldType.STRING, false, null, null, 4000, List.of(), null, true));
    }

    @Test
    void routesThatStartRunsQueueAndThoseThatContinueOrApplyStartInTheRequest() {
        RouteCatalogue shipped = RouteCatalogue.shipped();

        assertThat(shipped.route("opportunity.closed_lost").orElseThrow().startTiming()).isEqualTo(StartTiming.QUEUED);
        assertThat(shipped.route("winback.campaign_requested").orElseThrow().startTiming()).isEqualTo(StartTiming.QUEUED);
        assertThat(shipped.route("licensing.applicant_replied").orElseThrow().startTiming()).isEqualTo(StartTiming.IN_REQUEST);
        assertThat(shipped.route("conversation.message_received").orElseThrow().startTiming()).isEqualTo(StartTiming.IN_REQUEST);
        assertThat(shipped.route("opportunity.won").orElseThrow().startTiming()).isEqualTo(StartTiming.IN_REQUEST);
    }

    @Test
    void aRouteThatContinuesRunsCannotBeQueued() {
        Route replied = RouteCatalogue.shipped().route("licensing.applicant_replied").orElseThrow();
        Route queuedReply = new Route(replied.type(), replied.processKey(), replied.message(), null, replied.businessKey(), replied.sources(),
                replied.fields(), replied.onActiveRun(), null, StartTiming.QUEUED);
        Route inRequestStart = new Route("x.start", "lost-opportunity", null, null, "id", List.of("crm"), List.of(), null, null,
                StartTiming.IN_REQUEST);

        assertThat(queuedReply.problems()).singleElement().asString().contains("start queued is for routes that start runs");
        assertThat(inRequestStart.problems()).isEmpty();
        assertThat(inRequestStart.startTiming()).isEqualTo(StartTiming.IN_REQUEST);
    }

    @Test
    void everyProblemNamesItsFileAndTheKeyToFix() {
        List<String> problems = RouteCatalogue.read("classpath:route-files/problems/routes/*.yaml").problems();

        assertThat(problems).hasSize(6);
        assertThat(problems).contains(
                "routes/no-sources.yaml: webhook route x.no_sources names no sources: set sources",
                "routes/key-too-long.yaml: webhook route x.long_key: field id needs max-length ≤ 255 (it is the business key)",
                "routes/empty.yaml: holds no routes: write them as a list under routes:");
        assertThat(problems).contains("routes/typo.yaml: unknown key routes[0].bussiness-key (line 4): a route has only type, process-key, "
                + "message, handler, business-key, sources, fields, on-active-run, outcome, start, a field only name, path, type, required, min, max, "
                + "max-length, values, default-value, personal");
        assertThat(problems).contains("routes/bad-type.yaml: cannot read routes[0].fields[1].type 'numbr' (line 8): "
                + "must be one of string, number, integer, boolean, email");
        assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("routes/not-yaml.yaml: is not readable YAML")
                .contains("line 3, column 14").doesNotContain("\n"));
    }

    @Test
    void anEventTypeRoutedTwiceIsRefusedNamingBothFiles() {
        RouteCatalogue twice = RouteCatalogue.read("classpath:route-files/twice/routes/*.yaml");

        assertThat(twice.problems()).containsExactly(
                "routes/second.yaml: event type x.twice is routed again (first in routes/first.yaml): one route per type");
    }

    @Test
    void aRouteProblemAndAMissingSecretAreReportedTogether() {
        RouteCatalogue routes = RouteCatalogue.read("classpath:route-files/problems/routes/key-too-long.yaml");
        WebhookProperties noSecrets = new WebhookProperties(Map.of(), 60);

        assertThat(noSecrets.problems(routes)).containsExactly(
                "routes/key-too-long.yaml: webhook route x.long_key: field id needs max-length ≤ 255 (it is the business key)",
                "webhook source 'crm' (route x.long_key) has no secret: set CIRCUITOS_WEBHOOKS_SOURCES_CRM_SECRET, "
                        + "or switch the source off with circuitos.webhooks.sources.crm.enabled=false");
    }
}
