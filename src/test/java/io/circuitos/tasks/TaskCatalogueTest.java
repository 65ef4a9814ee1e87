package io.circuitos.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules every task class follows, checked on the shipped catalogue, and what a newcomer is told when one is broken. */
class TaskCatalogueTest {

    @Test
    void genericTasksLiveInTasksAndAnAgentsOwnInItsPackage() {
        List<String> misplaced = new ArrayList<>();
        for (TaskCatalogue.Entry task : TaskCatalogue.shipped().entries()) {
            String pkg = task.type().getPackageName();
            boolean ok = task.spec().agent()
                    .map(agent -> pkg.startsWith("io.circuitos.agents."))
                    .orElse(pkg.equals("io.circuitos.tasks"));
            if (!ok) {
                misplaced.add(task.type().getName() + " (agent " + task.spec().agent().orElse("none") + ")");
            }
        }
        assertThat(misplaced).isEmpty();
        assertThat(TaskCatalogue.shipped().find("openWinBackCampaign").flatMap(TaskSpec::agent)).hasValue("win-back");
        assertThat(TaskCatalogue.shipped().find("sendEmail").flatMap(TaskSpec::agent)).isEmpty();
    }

    @Test
    void aTaskClassNotNamedAfterItsTaskIsRefusedNamingTheRightName() {
        assertThatThrownBy(() -> TaskCatalogue.scanning("example.misnamed"))
                .hasMessageContaining("example.misnamed.GreeterTask declares task greetCustomer")
                .hasMessageContaining("GreetCustomerTask");
    }

    @Test
    void aTaskClassWithoutASpecIsRefusedSayingWhatToAdd() {
        assertThatThrownBy(() -> TaskCatalogue.scanning("example.unspecified"))
                .hasMessageContaining("example.unspecified.SilentTask is a GenericTask but declares no SPEC")
                .hasMessageContaining("public static final TaskSpec SPEC");
    }

    @Test
    void aSpecThatDoesNotSayWhetherItHasSideEffectsIsRefused() {
        assertThatThrownBy(() -> TaskSpec.serviceTask("quiet").title("Quiet").description("Does something.").build())
                .hasMessage("task quiet does not say whether it has side effects (sideEffect(...) or noSideEffects())");
    }

    @Test
    void theOutputsOfTasksThatWriteIntoTheirScopeAreNotMappedOut() {
        assertThat(TaskCatalogue.shipped().find("loadCustomer").orElseThrow().mapsOutputs()).isFalse();
        assertThat(TaskCatalogue.shipped().find("scoreWithModel").orElseThrow().mapsOutputs()).isTrue();
    }
}
