package io.circuitos.engine.bounds;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Puts the run-time bounds into every parsed process: bounded multi-instance collections, the step budget on every activity. */
final class RunTimeBoundsParseListener extends AbstractBpmnParseListener {

    private final RunTimeBounds bounds;
    private final StepBudget steps;

    RunTimeBoundsParseListener(RunTimeBounds bounds) {
        this.bounds = bounds;
        this.steps = new StepBudget(bounds.maxStepsPerTransaction());
    }

    @Override
    public void parseMultiInstanceLoopCharacteristics(Element activityElement, Element multiInstanceLoopCharacteristicsElement,
                                                      ActivityImpl body) {
        if (body.getActivityBehavior() instanceof MultiInstanceActivityBehavior multiInstance) {
            String element = activityElement.attribute("id");
            int limit = bounds.maxMultiInstanceCardinality();
            multiInstance.setLoopCardinalityExpression(BoundedCollection.ofExpression(multiInstance.getLoopCardinalityExpression(), element, limit));
            if (multiInstance.getCollectionExpression() != null) {
                multiInstance.setCollectionExpression(BoundedCollection.ofExpression(multiInstance.getCollectionExpression(), element, limit));
            } else if (multiInstance.getCollectionVariable() != null) {
                // the engine reads an expression before a variable: the variable is read through the bound
                multiInstance.setCollectionExpression(BoundedCollection.ofVariable(multiInstance.getCollectionVariable(), element, limit));
                multiInstance.setCollectionVariable(null);
            }
        }
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        countStarts(process);
    }

    private void countStarts(ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, steps);
            countStarts(activity);
        }
    }
}
