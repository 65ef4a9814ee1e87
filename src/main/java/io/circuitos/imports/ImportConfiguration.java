package io.circuitos.imports;

import io.circuitos.intake.IntakeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ImportConfiguration {

    @Bean
    public CsvEventImporter csvEventImporter(IntakeService intake,
                                             @Value("${circuitos.imports.parallelism:4}") int parallelism) {
        return new CsvEventImporter(intake, parallelism);
    }
}
