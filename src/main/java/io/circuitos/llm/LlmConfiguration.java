package io.circuitos.llm;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class LlmConfiguration {

    @Bean
    public LlmGateway llmGateway(LlmProperties properties) {
        return gateway(properties);
    }

    /** Also used by tests that run without Spring. */
    public static LlmGateway gateway(LlmProperties properties) {
        LlmProviders providers = LlmProviders.of(properties);
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LlmConfiguration.class);
        if (!providers.any()) {
            log.info("circuitos.llm.base-url is empty and no circuitos.llm.providers.<name>.base-url is set: no AI model; drafts come from "
                    + "templates, forms say \"{}\"", LlmGateway.NOT_CONFIGURED);
        } else {
            providers.all().forEach(p -> log.info("LLM provider {}: {} at {}, model {}", p.name(), p.type(), p.baseUrl(), p.modelName()));
            providers.tiers().forEach((tier, chain) -> log.info("LLM tier {}: {}", tier, String.join(" then ", chain)));
        }
        return new LlmGateway(providers);
    }

    @Bean
    public PromptLibrary promptLibrary() {
        return new PromptLibrary();
    }

    @Bean
    public ContentGuard contentGuard(LlmProperties properties) {
        return new ContentGuard(properties.guard());
    }
}
