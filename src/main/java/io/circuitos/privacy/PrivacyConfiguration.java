package io.circuitos.privacy;

import io.circuitos.intake.RouteCatalogue;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class PrivacyConfiguration {

    @Bean
    public PersonalData personalData(RouteCatalogue routes, PrivacyProperties privacy) {
        return PersonalData.of(routes, privacy);
    }

    @Bean
    public PersonalDecisionClauses personalDecisionClauses(ProcessEngine engine, PersonalData personal) {
        return new PersonalDecisionClauses(engine.getRepositoryService(), personal);
    }

    @Bean
    public RunAccess runAccess(ProcessEngine engine) {
        return new RunAccess(engine.getAuthorizationService());
    }

    @Bean
    public Redaction redaction(PersonalData personal, PersonalDecisionClauses clauses) {
        return new Redaction(personal, clauses);
    }

    /** Inside Spring Security (the caller is known) and the engine REST's authentication filter. */
    @Bean
    public FilterRegistrationBean<PersonalDataResponseFilter> personalDataResponseFilter(ProcessEngine engine, RunAccess access,
                                                                                         PersonalData personal,
                                                                                         PersonalDecisionClauses clauses,
                                                                                         Redaction redaction) {
        FilterRegistrationBean<PersonalDataResponseFilter> registration = new FilterRegistrationBean<>(
                new PersonalDataResponseFilter(engine, access, personal, clauses, redaction));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return registration;
    }
}
