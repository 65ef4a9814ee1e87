package io.circuitos.tasks;

import io.circuitos.engine.RunPayload;
import io.circuitos.drafting.Templates;
import io.circuitos.engine.sandbox.RegisteredTasks.Refers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Generic "draft from template" service task: deterministic text from
 * {@code templates/<templateId>/<variant>.txt} (see {@link Templates}) with the process variables filled in.
 */
public class DraftFromTemplateTask implements JavaDelegate, GenericTask {

    static final TaskInput<String> TEMPLATE_ID = TaskInput.text("templateId", "a folder of src/main/resources/templates/")
            .required().naming(Refers.TEMPLATE);
    static final TaskInput<String> VARIANT = TaskInput.text("variant", "template variant");
    static final TaskOutput<String> DRAFT = TaskOutput.text("draft", "the drafted text; a first line \"Subject: ...\" is the subject");
    static final TaskOutput<String> DRAFT_ORIGIN = TaskOutput.text("draftOrigin", "llm or template: who drafted it");

    public static final TaskSpec SPEC = TaskSpec.serviceTask("draftFromTemplate")
            .title("Draft from a template")
            .description("Drafts a text from a template of templates/ with the run's variables filled in; no LLM.")
            .inputs(TEMPLATE_ID, VARIANT)
            .outputs(DRAFT, DRAFT_ORIGIN)
            .noSideEffects()
            .build();

    @Override
    public void execute(DelegateExecution execution) {
        DRAFT.write(execution, Templates.draft(TEMPLATE_ID.require(execution), VARIANT.read(execution), RunPayload.visible(execution)));
        DRAFT_ORIGIN.write(execution, "template");
    }
}
