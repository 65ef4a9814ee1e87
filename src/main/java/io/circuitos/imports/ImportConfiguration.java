package io.circuitos.imports;

import io.circuitos.customers.CustomerStore;
import io.circuitos.intake.IntakeService;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties(ImportProperties.class)
public class ImportConfiguration {

    @Bean
    public CsvEventImporter csvEventImporter(IntakeService intake, ImportProperties imports) {
        return new CsvEventImporter(intake, imports.parallelism(), imports.batchSize());
    }

    @Bean
    public CustomerImporter customerImporter(CustomerStore store, PlatformTransactionManager transactionManager, Clock clock) {
        return new CustomerImporter(store, new TransactionTemplate(transactionManager), clock);
    }
}
