package io.circuitos.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Generic execution listener {@code ${appendMessage}}: appends the element's {@code messageText} (default: the
 * variable {@code text}, the newest customer message) by {@code messageAuthor} (default {@code customer}) to the
 * run's {@code messages} and rewrites its {@code transcript}. On a send task it runs as the task ends, and a
 * message the task could not deliver is kept marked as not delivered.
 */
public class AppendMessageListener implements ExecutionListener {

    public static final String MESSAGES = "messages";
    public static final String TRANSCRIPT = "transcript";

    @Override
    public void notify(DelegateExecution execution) {
        Object text = execution.hasVariableLocal("messageText") ? execution.getVariableLocal("messageText") : execution.getVariable("text");
        if (text == null || text.toString().isBlank()) {
            return;
        }
        Object author = execution.getVariableLocal("messageAuthor");
        boolean delivered = !Boolean.FALSE.equals(execution.getVariableLocal(OutboundWebhookDelegate.DELIVERED))
                && !Boolean.FALSE.equals(execution.getVariableLocal("emailSent"));
        DelegateExecution run = execution.getProcessInstance();
        String messages = Conversation.append(run.getVariable(MESSAGES), new Conversation.Message(
                author == null ? "customer" : author.toString(), text.toString(), ClockUtil.getCurrentTime().toInstant(), delivered));
        run.setVariable(MESSAGES, SpinValues.jsonValue(messages).create());
        run.setVariable(TRANSCRIPT, Conversation.transcript(Conversation.parse(messages)));
    }
}
