package io.circuitos.tasks;

import io.circuitos.mail.JobSmtpConnection;
import io.circuitos.mail.SentEmailStore;
import jakarta.mail.MessagingException;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generic "send email" service task through the one SMTP sender. {@code text} may start with a line
 * "Subject: ..." that becomes the subject; {@code step} defaults to the activity id and {@code idempotencyScope}
 * to the process instance (e.g. {@code campaign:<id>} so a second run of one campaign sends nothing again).
 * Sending is idempotent per scope and step: the row in
 * {@link SentEmailStore} is written in a transaction of its own around the send and committed
 * right after it, so a job retried later (e.g. a chunk of a campaign that failed on its 50th email)
 * finds the row and sends nothing again, whatever else the job's transaction rolled back. Writes
 * local {@code emailSent} and, when it is false, {@code notSentReason} in words a rep reads.
 */
public class SendEmailTask implements JavaDelegate, GenericTask {

    private static final Logger LOG = LoggerFactory.getLogger(SendEmailTask.class);

    static final TaskInput<String> TO = TaskInput.text("to", "recipient address").required();
    static final TaskInput<String> SUBJECT = TaskInput.text("subject", "subject line").llmMayFill();
    static final TaskInput<String> TEXT = TaskInput.text("text", "body").required().llmMayFill();
    static final TaskInput<String> STEP = TaskInput.text("step", "idempotency step name (default: the task id)");
    static final TaskInput<String> IDEMPOTENCY_SCOPE = TaskInput.text("idempotencyScope",
            "idempotency scope (default: the process instance)");
    public static final TaskOutput<Boolean> EMAIL_SENT = TaskOutput.bool("emailSent", "whether the email went out");
    /** The local output that says, for people, why a send task delivered nothing. */
    public static final TaskOutput<String> NOT_SENT_REASON = TaskOutput.text("notSentReason",
            "why nothing was sent, in words a rep reads (set when nothing was)");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("sendEmail")
            .title("Send an email")
            .description("Sends an email through the one SMTP server, once per idempotency scope and step, however often the job runs.")
            .inputs(TO, SUBJECT, TEXT, STEP, IDEMPOTENCY_SCOPE)
            .outputs(EMAIL_SENT, NOT_SENT_REASON)
            .sideEffect("sends an email and records it in circuitos_sent_email")
            .build();

    static final String NO_MAIL_SERVER = "no mail server is configured";

    private final JavaMailSender mail;
    private final SentEmailStore sentEmails;
    private final String from;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    /** @param mail null when no SMTP server is configured (then nothing is sent and {@code emailSent} is false) */
    public SendEmailTask(JavaMailSender mail, SentEmailStore sentEmails, PlatformTransactionManager transactions, String from, Clock clock) {
        this.mail = mail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sentEmails = sentEmails;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String to = TO.require(execution);
        String step = STEP.read(execution, execution.getCurrentActivityId());
        String scope = IDEMPOTENCY_SCOPE.read(execution, execution.getProcessInstanceId());
        Email email = Email.of(SUBJECT.read(execution), TEXT.require(execution));
        if (mail == null) {
            LOG.info("no SMTP server configured (spring.mail.host); not sent to {}: {}", to, email.subject());
            EMAIL_SENT.write(execution, false);
            NOT_SENT_REASON.write(execution, NO_MAIL_SERVER);
            return;
        }
        ownTransaction.executeWithoutResult(status -> sendOnce(scope, step, to, email));
        EMAIL_SENT.write(execution, true);
    }

    private void sendOnce(String scope, String step, String to, Email email) {
        if (!sentEmails.recordOnce(scope, step, to, email.subject(), clock.instant())) {
            return;
        }
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
