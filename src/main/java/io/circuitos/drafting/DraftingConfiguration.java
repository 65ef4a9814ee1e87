package io.circuitos.drafting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class DraftingConfiguration {

    @Bean
    public TemplateDrafter draftFromTemplate() {
        return new TemplateDrafter();
    }
}
