package io.circuitos.tasks;

import io.circuitos.mail.JobSmtpConnection;
import jakarta.mail.MessagingException;
import java.sql.Timestamp;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generic "send email" service task through the one SMTP sender. Inputs {@code to}, {@code text}
 * (a first line "Subject: ..." becomes the subject) or {@code subject} + {@code text}, optional
 * {@code step} (default: the activity id) and optional {@code idempotencyScope} (default: the process
 * instance; e.g. {@code campaign:<id>} so a second run of one campaign sends nothing again).
 * Sending is idempotent per scope and step: the row in
 * {@code circuitos_sent_email} is written in a transaction of its own around the send and committed
 * right after it, so a job retried later (e.g. a chunk of a campaign that failed on its 50th email)
 * finds the row and sends nothing again, whatever else the job's transaction rolled back. Writes
 * local {@code emailSent} and, when it is false, {@code notSentReason} in words a rep reads.
 */
public class SendEmailDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(SendEmailDelegate.class);

    /** The local output that says, for people, why a send task delivered nothing. */
    public static final String NOT_SENT_REASON = "notSentReason";
    static final String NO_MAIL_SERVER = "no mail server is configured";

    private final JavaMailSender mail;
    private final JdbcTemplate jdbc;
    private final String from;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    /** @param mail null when no SMTP server is configured (then nothing is sent and {@code emailSent} is false) */
    public SendEmailDelegate(JavaMailSender mail, JdbcTemplate jdbc, PlatformTransactionManager transactions, String from, Clock clock) {
        this.mail = mail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
            execution.setVariableLocal(NOT_SENT_REASON, NO_MAIL_SERVER);
            return;
        }
        ownTransaction.executeWithoutResult(status -> sendOnce(scope, step, to, email));
        execution.setVariableLocal("emailSent", true);
    }

    private void sendOnce(String scope, String step, String to, Email email) {
        Integer already = jdbc.queryForObject("select count(*) from circuitos_sent_email where process_instance_id = ? and step = ?",
                Integer.class, scope, step);
        if (already != null && already > 0) {
            return;
        }
        jdbc.update("insert into circuitos_sent_email (process_instance_id, step, recipient, subject, sent_at) values (?, ?, ?, ?, ?)",
                scope, step, to, email.subject(), Timestamp.from(clock.instant()));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(email.subject());
        message.setText(email.body());
        try {
            if (mail instanceof JavaMailSenderImpl sender) {
                JobSmtpConnection.send(sender, message);
            } else {
                mail.send(message);
            }
        } catch (MailException | MessagingException e) {
            throw new MailSendFailure("email " + step + " to " + to + " not sent: " + e.getMessage(), e);
        }
    }

    /** Names the email and its recipient in the job's exception, so the operator sees which of a chunk's emails failed. */
    static final class MailSendFailure extends RuntimeException {
        MailSendFailure(String message, Throwable cause) {
            super(message, cause);
        }
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
