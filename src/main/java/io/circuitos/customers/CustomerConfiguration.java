package io.circuitos.customers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
public class CustomerConfiguration {

    @Bean
    public CustomerStore customerStore(JdbcTemplate jdbc) {
        return new CustomerStore(jdbc);
    }
}
