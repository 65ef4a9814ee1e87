package io.circuitos.cases;

import io.circuitos.engine.EngineProperties;
import io.circuitos.engine.sandbox.ReferenceCatalog;
import io.circuitos.engine.sandbox.RegisteredTasks;
import io.circuitos.intake.RouteCatalogue;
import io.circuitos.llm.ContentGuard;
import io.circuitos.llm.LlmProperties;
import io.circuitos.llm.PromptLibrary;
import io.circuitos.ml.ModelRegistry;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class CasesConfiguration {

    @Bean
    public CaseRunner caseRunner(ApplicationContext context, ModelRegistry models, PromptLibrary prompts, ContentGuard guard, LlmProperties llm,
                                 io.circuitos.llm.LlmGateway gateway, RegisteredTasks tasks, ReferenceCatalog references, EngineProperties engine,
                                 RouteCatalogue routes) {
        return new CaseRunner(new CaseWorld.Parts(name -> context.containsBean(name) ? context.getBean(name) : null, models, prompts, guard, llm,
                gateway),
                tasks, Set.of(context.getBeanDefinitionNames()), references, engine.deployments().limits(), routes);
    }

    @Bean
    public CaseOverrideStore caseOverrideStore(org.springframework.jdbc.core.JdbcTemplate database, java.time.Clock clock) {
        return new CaseOverrideStore(database, clock);
    }

    /** Off with {@code circuitos.cases.gate=false}: deployments then go live without their agents' case books. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "circuitos.cases.gate", havingValue = "true", matchIfMissing = true)
    public CaseBookGate caseBookGate(CaseRunner runner, CaseOverrideStore overrides) {
        return new CaseBookGate(runner, overrides, io.circuitos.engine.CircuitosEnginePlugin.ADMIN_GROUP);
    }
}
