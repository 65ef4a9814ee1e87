package io.circuitos.customers;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
public class CustomerConfiguration {

    @Bean
    public CustomerStore customerStore(JdbcTemplate jdbc) {
        return new CustomerStore(jdbc);
    }

    @Bean
    public CustomerImporter customerImporter(CustomerStore store, PlatformTransactionManager transactionManager, Clock clock) {
        return new CustomerImporter(store, new TransactionTemplate(transactionManager), clock);
    }

    @Bean
    public LoadCustomerDelegate loadCustomer(CustomerStore store) {
        return new LoadCustomerDelegate(store);
    }

    @Bean
    public CustomerEvents customerEvents(CustomerStore store, Clock clock) {
        return new CustomerEvents(store, clock);
    }
}
