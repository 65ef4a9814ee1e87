package io.circuitos.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitos.support.RunningApp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A start that would leave the system open is refused, and the message names the setting to fix. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

    private final ProcessEngine before = ProcessEngines.getDefaultProcessEngine(false);

    @AfterEach
    void restoreTheDefaultEngineOfTheOtherTests() {
        // a failed start unregisters the "default" engine name: give it back to the running test context, if any
        if (before != null && ProcessEngines.getDefaultProcessEngine(false) == null) {
            ProcessEngines.registerProcessEngine(before);
        }
    }

    @Test
    void noAdministratorOnTheBuiltInIdentityRefusesTheStart() {
        assertThatThrownBy(() -> RunningApp.start("jdbc:h2:mem:no-admin-" + System.nanoTime(), false,
                "circuitos.identity.demo-users=false", "circuitos.identity.require-admin=true").close())
                .hasStackTraceContaining("No administrator exists")
                .hasStackTraceContaining("CIRCUITOS_ADMIN_USER");
    }

    @Test
    void aRouteSourceWithoutASecretRefusesTheStartUnlessTheSourceIsSwitchedOff() {
        assertThatThrownBy(() -> RunningApp.start("jdbc:h2:mem:no-secret-" + System.nanoTime(), false,
                "circuitos.webhooks.sources.forms.secret=").close())
                .hasStackTraceContaining("webhook source 'forms' (route licensing.application_submitted) has no secret")
                .hasStackTraceContaining("CIRCUITOS_WEBHOOKS_SOURCES_FORMS_SECRET")
                .hasStackTraceContaining("circuitos.webhooks.sources.forms.enabled=false");

        RunningApp.start("jdbc:h2:mem:forms-off-" + System.nanoTime(), false,
                "circuitos.webhooks.sources.forms.secret=", "circuitos.webhooks.sources.forms.enabled=false").close();
    }

    @Test
    void routesLeftInTheSettingsRefuseTheStartNamingWhereTheyBelong() {
        assertThatThrownBy(() -> RunningApp.start("jdbc:h2:mem:routes-in-settings-" + System.nanoTime(), false,
                "circuitos.webhooks.routes[0].type=opportunity.closed_lost", "circuitos.webhooks.routes[0].process-key=lost-opportunity").close())
                .isInstanceOfSatisfying(MissingSettingsException.class, refused -> assertThat(refused.problems()).containsExactly(
                        "circuitos.webhooks.routes is set, but routes are read from routes/<agent>.yaml only: move them into a route file"));
    }

    @Test
    void everyMissingSettingIsListedInOneAnswerBeforeAnySchemaOrWebServer(CapturedOutput output) throws Exception {
        String database = "jdbc:h2:mem:unset-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (java.sql.Connection keepsTheDatabase = java.sql.DriverManager.getConnection(database, "sa", "")) {
            assertThatThrownBy(() -> RunningApp.start(database, false, "circuitos.identity.demo-users=false",
                    "circuitos.identity.require-admin=true", "circuitos.webhooks.sources.forms.secret=",
                    "circuitos.webhooks.sources.chat.secret=").close())
                    .isInstanceOfSatisfying(MissingSettingsException.class, refused -> assertThat(refused.problems()).hasSize(3))
                    .hasMessageContaining("CIRCUITOS_WEBHOOKS_SOURCES_FORMS_SECRET")
                    .hasMessageContaining("CIRCUITOS_WEBHOOKS_SOURCES_CHAT_SECRET")
                    .hasMessageContaining("CIRCUITOS_ADMIN_PASSWORD")
                    // refused while post-processing the bean factory: no bean exists yet, so no schema and no web server
                    .hasStackTraceContaining("invokeBeanFactoryPostProcessors");

            try (var tables = keepsTheDatabase.createStatement().executeQuery(
                    "select count(*) from information_schema.tables where table_schema = 'PUBLIC'")) {
                tables.next();
                assertThat(tables.getLong(1)).as("tables created").isZero();
            }
        }
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START", "3 settings are missing or wrong", "  - webhook source 'forms'", "  - webhook source 'chat'",
                        "  - No administrator exists", "Set the environment variables named above")
                .doesNotContain("Application run failed");
    }

    @Test
    void aShortPasswordForANewAdministratorNamesTheVariable() {
        assertThatThrownBy(() -> RunningApp.start("jdbc:h2:mem:short-" + System.nanoTime(), false, "circuitos.identity.demo-users=false",
                "circuitos.identity.require-admin=true", "circuitos.identity.initial-admin.user=boss",
                "circuitos.identity.initial-admin.password=short").close())
                .isInstanceOfSatisfying(MissingSettingsException.class, refused -> assertThat(refused.problems()).containsExactly(
                        "CIRCUITOS_ADMIN_PASSWORD (circuitos.identity.initial-admin.password) for the new administrator 'boss' must have at least 12 characters"));
    }

    @Test
    void anAdministratorIdTheEngineWouldRefuseIsNamedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> RunningApp.start("jdbc:h2:mem:badid-" + System.nanoTime(), false, "circuitos.identity.demo-users=false",
                "circuitos.identity.require-admin=true", "circuitos.identity.initial-admin.user=bench-admin",
                "circuitos.identity.initial-admin.password=long-enough-password").close())
                .isInstanceOfSatisfying(MissingSettingsException.class, refused -> assertThat(refused.problems()).containsExactly(
                        "CIRCUITOS_ADMIN_USER (circuitos.identity.initial-admin.user) 'bench-admin' is not a valid user id: letters and digits only"));
    }

    @Test
    void theAnalyzerListsEveryProblemWithoutAStackTrace() {
        var analysis = new MissingSettingsFailureAnalyzer().analyze(new IllegalStateException("wrapped",
                new MissingSettingsException(java.util.List.of("A is not set", "B is not set"))));
        assertThat(analysis.getDescription()).isEqualTo("circuitos cannot start: 2 settings are missing or wrong:\n  - A is not set\n  - B is not set\n");
        assertThat(analysis.getAction()).contains("environment variables");
    }
}
