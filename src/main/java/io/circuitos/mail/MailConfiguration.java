package io.circuitos.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
public class MailConfiguration {

    @Bean
    public SentEmailStore sentEmailStore(JdbcTemplate jdbc) {
        return new SentEmailStore(jdbc);
    }
}
