package io.circuitos.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Generic execution listener {@code ${appendMessage}}: appends the element's {@code messageText} (default: the
 * variable {@code text}, the newest customer message) by {@code messageAuthor} (default {@code customer}) to the
 * run's {@code messages} and rewrites its {@code transcript}. On a send task it runs as the task ends, and a
 * message the task could not deliver is kept marked as not delivered.
 */
public class AppendMessageTask implements ExecutionListener, GenericTask {

    static final TaskInput<String> MESSAGE_AUTHOR = TaskInput.text("messageAuthor", "customer (default), ai or rep");
    static final TaskInput<String> MESSAGE_TEXT = TaskInput.text("messageText", "the message; default: the variable text");
    static final TaskInput<String> TEXT = TaskInput.text("text", "the newest customer message, when messageText is not given").fromRun();
    public static final TaskOutput<TypedValue> MESSAGES = TaskOutput.json("messages",
            "the conversation: [{author, text, at}], oldest first");
    static final TaskOutput<String> TRANSCRIPT = TaskOutput.text("transcript", "the conversation as a person reads it, newest that fit");

    public static final TaskSpec SPEC = TaskSpec.executionListener("appendMessage")
            .title("Append a message to the conversation (messages, transcript)")
            .description("Appends a message to the run's conversation as the element ends; one the element could not deliver is "
                    + "marked not delivered.")
            .inputs(MESSAGE_AUTHOR, MESSAGE_TEXT, TEXT)
            .outputs(MESSAGES, TRANSCRIPT)
            .noSideEffects()
            .build();

    @Override
    public void notify(DelegateExecution execution) {
        String text = MESSAGE_TEXT.isSetLocally(execution) ? MESSAGE_TEXT.readLocal(execution) : TEXT.read(execution);
        if (text == null || text.isBlank()) {
            return;
        }
        String author = MESSAGE_AUTHOR.readLocal(execution);
        boolean delivered = !Boolean.FALSE.equals(SendWebhookTask.WEBHOOK_DELIVERED.localValueIn(execution))
                && !Boolean.FALSE.equals(SendEmailTask.EMAIL_SENT.localValueIn(execution));
        String messages = Conversation.append(MESSAGES.valueIn(execution.getProcessInstance()), new Conversation.Message(
                author == null ? "customer" : author, text, ClockUtil.getCurrentTime().toInstant(), delivered));
        MESSAGES.writeToRun(execution, SpinValues.jsonValue(messages).create());
        TRANSCRIPT.writeToRun(execution, Conversation.transcript(Conversation.parse(messages)));
    }
}
