package io.circuitos.imports;

import io.circuitos.customers.CustomerStore;
import io.circuitos.intake.IntakeService;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
public class ImportConfiguration {

    @Bean
    public CsvEventImporter csvEventImporter(IntakeService intake,
                                             @Value("${circuitos.imports.parallelism:4}") int parallelism) {
        return new CsvEventImporter(intake, parallelism);
    }

    @Bean
    public CustomerImporter customerImporter(CustomerStore store, PlatformTransactionManager transactionManager, Clock clock) {
        return new CustomerImporter(store, new TransactionTemplate(transactionManager), clock);
    }
}
