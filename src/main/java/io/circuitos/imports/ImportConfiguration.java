package io.circuitos.imports;

import io.circuitos.intake.IntakeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ImportConfiguration {

    @Bean
    public CsvEventImporter csvEventImporter(IntakeService intake) {
        return new CsvEventImporter(intake);
    }
}
