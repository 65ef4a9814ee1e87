package io.circuitos.tasks;

import io.circuitos.drafting.Templates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "draft from template" service task: deterministic text from
 * {@code templates/<templateId>/<variant>.txt} (see {@link Templates}) with the process variables filled in.
 * Inputs {@code templateId} and optional {@code variant}; writes local {@code draft} and
 * {@code draftOrigin = "template"}.
 */
public class TemplateDrafter implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Object variant = execution.getVariable("variant");
        execution.setVariableLocal("draft", Templates.draft(String.valueOf(execution.getVariable("templateId")),
                variant == null ? null : variant.toString(), execution.getVariables()));
        execution.setVariableLocal("draftOrigin", "template");
    }
}
