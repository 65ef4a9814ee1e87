package io.circuitos.mail;

import java.sql.Timestamp;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Generic "send email" service task through the one SMTP sender. Inputs {@code to}, {@code text}
 * (a first line "Subject: ..." becomes the subject) or {@code subject} + {@code text}, optional
 * {@code step} (default: the activity id) and optional {@code idempotencyScope} (default: the process
 * instance; e.g. {@code campaign:<id>} so a second run of one campaign sends nothing again).
 * Sending is idempotent per scope and step: the row in
 * {@code circuitos_sent_email} is written in the same transaction as the send, so a retried job that
 * already sent finds it and sends nothing. Model the task with asynchronous continuations before and
 * after so its transaction holds the send alone. Writes local {@code emailSent}.
 */
public class SendEmailDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(SendEmailDelegate.class);

    private final JavaMailSender mail;
    private final JdbcTemplate jdbc;
    private final String from;
    private final Clock clock;

    /** @param mail null when no SMTP server is configured (then nothing is sent and {@code emailSent} is false) */
    public SendEmailDelegate(JavaMailSender mail, JdbcTemplate jdbc, String from, Clock clock) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String to = String.valueOf(execution.getVariable("to"));
        Object stepVariable = execution.getVariable("step");
        String step = stepVariable == null ? execution.getCurrentActivityId() : stepVariable.toString();
        Object scopeVariable = execution.getVariable("idempotencyScope");
        String scope = scopeVariable == null ? execution.getProcessInstanceId() : scopeVariable.toString();
        Email email = Email.of(execution.getVariable("subject"), String.valueOf(execution.getVariable("text")));
        if (mail == null) {
            LOG.info("no SMTP server configured (spring.mail.host); not sent to {}: {}", to, email.subject());
            execution.setVariableLocal("emailSent", false);
            return;
        }
        Integer already = jdbc.queryForObject("select count(*) from circuitos_sent_email where process_instance_id = ? and step = ?",
                Integer.class, scope, step);
        if (already != null && already > 0) {
            execution.setVariableLocal("emailSent", true);
            return;
        }
        jdbc.update("insert into circuitos_sent_email (process_instance_id, step, recipient, subject, sent_at) values (?, ?, ?, ?, ?)",
                scope, step, to, email.subject(), Timestamp.from(clock.instant()));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(email.subject());
        message.setText(email.body());
        mail.send(message);
        execution.setVariableLocal("emailSent", true);
    }

    record Email(String subject, String body) {

        static Email of(Object subject, String text) {
            if (subject != null && !subject.toString().isBlank()) {
                return new Email(subject.toString(), text);
            }
            if (text.startsWith("Subject:")) {
                int end = text.indexOf('\n');
                String firstLine = end < 0 ? text : text.substring(0, end);
                return new Email(firstLine.substring("Subject:".length()).trim(), end < 0 ? "" : text.substring(end + 1).strip());
            }
            return new Email("", text);
        }
    }
}
