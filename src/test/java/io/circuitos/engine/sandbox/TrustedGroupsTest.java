package io.circuitos.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@code circuitos.deployments.trusted-groups} exempts its members from the guard, and nobody else. */
// its own engine name: the REST API of the other test contexts in this JVM looks engines up by name
@SpringBootTest(properties = {"circuitos.deployments.trusted-groups=admins", "camunda.bpm.process-engine-name=trustedGroupsTest"})
@ActiveProfiles("test")
class TrustedGroupsTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    @Test
    void membersOfATrustedGroupDeployWhatAnalystsMayNot() {
        HostileCorpus classDelegate = HostileCorpus.all().filter(h -> h.file().equals("class-delegate.bpmn")).findFirst().orElseThrow();
        try {
            identity.setAuthentication("analyst", List.of("analysts"));
            assertThatThrownBy(() -> deploy(classDelegate)).isInstanceOf(DeploymentRefusedException.class);
            identity.setAuthentication("demo", List.of("admins"));
            assertThat(deploy(classDelegate)).isNotNull();
        } finally {
            identity.clearAuthentication();
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hostile-class-delegate").count()).isEqualTo(1);
    }

    private String deploy(HostileCorpus resource) {
        return repository.createDeployment().addInputStream(resource.file(), new ByteArrayInputStream(resource.content())).deploy().getId();
    }
}
