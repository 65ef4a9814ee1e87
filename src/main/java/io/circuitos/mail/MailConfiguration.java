package io.circuitos.mail;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
public class MailConfiguration {

    @Bean
    public SendEmailDelegate sendEmail(ObjectProvider<JavaMailSender> mail, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                       @Value("${circuitos.mail.from:circuitos@localhost}") String from, Clock clock) {
        return new SendEmailDelegate(mail.getIfAvailable(), jdbc, transactions, from, clock);
    }
}
