package io.circuitos.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circuitos.support.RunningApp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A start that would leave the system open is refused, and the message names the setting to fix. */
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
}
