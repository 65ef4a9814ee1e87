package io.circuitos.engine;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.core.model.CallableElement;
import org.camunda.bpm.engine.impl.core.model.CallableElementParameter;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ConstantValueProvider;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A call activity's {@code <camunda:in source="amount">} (and {@code out}) reads a variable by name without an
 * expression, so it would not see the run's payload fields ({@link RunPayload}); this listener makes it read the
 * variable, else the payload's field, as {@code sourceExpression="${amount}"} would.
 */
final class CallActivityFieldsFromPayload extends AbstractBpmnParseListener {

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof CallableElementActivityBehavior call && call.getCallableElement() != null) {
            CallableElement callable = call.getCallableElement();
            Stream.of(callable.getInputs(), callable.getOutputs(), callable.getOutputsLocal()).flatMap(List::stream)
                    .forEach(CallActivityFieldsFromPayload::readFields);
        }
    }

    private static void readFields(CallableElementParameter parameter) {
        if (parameter.getSourceValueProvider() instanceof ConstantValueProvider constant && constant.getValue(null) instanceof String name) {
            parameter.setSourceValueProvider(new FieldOrVariable(name));
        }
    }

    private record FieldOrVariable(String name) implements ParameterValueProvider {

        @Override
        public Object getValue(VariableScope scope) {
            return scope.hasVariable(name) ? scope.getVariableTyped(name) : RunPayload.field(scope, name);
        }

        @Override
        public boolean isDynamic() {
            return true;
        }
    }
}
