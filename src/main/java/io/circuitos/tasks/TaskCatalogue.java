package io.circuitos.tasks;

import io.circuitos.engine.sandbox.RegisteredTasks;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every generic task, found on the classpath: each class implementing {@link GenericTask} under the scanned
 * packages, with the spec it declares. No list to edit: a new task class is in the catalogue, and so in the
 * deployment guard, the sandbox, the element templates, the contract check and the docs. Works without an
 * application context (the element-template generator and the tests use it statically).
 */
public final class TaskCatalogue implements RegisteredTasks {

    /** Where the shipped tasks live: {@code tasks} for the generic ones, {@code agents/<agent>} for an agent's own. */
    public static final String SHIPPED_PACKAGE = "io.circuitos";

    private static final String CLASS_SUFFIX = "Task";

    /** A task's spec and the class that implements it. */
    public record Entry(TaskSpec spec, Class<? extends GenericTask> type) {
    }

    private final Map<String, Entry> byName;

    private TaskCatalogue(List<Entry> entries) {
        Map<String, Entry> tasks = new LinkedHashMap<>();
        entries.stream().sorted(ORDER).forEach(entry -> {
            Entry other = tasks.putIfAbsent(entry.spec().name(), entry);
            if (other != null) {
                throw new IllegalStateException("two tasks are named " + entry.spec().name() + ": " + other.type().getName()
                        + " and " + entry.type().getName());
            }
        });
        this.byName = tasks;
    }

    /** Generic tasks first, then each agent's; service tasks before listeners and settings; then by name. */
    private static final Comparator<Entry> ORDER = Comparator.<Entry, String>comparing(e -> e.spec().agent().orElse(""))
            .thenComparing(e -> e.spec().kind())
            .thenComparing(e -> e.spec().name());

    /** The tasks shipped with circuitos. */
    public static TaskCatalogue shipped() {
        return Shipped.CATALOGUE;
    }

    private static final class Shipped {
        static final TaskCatalogue CATALOGUE = scanning(SHIPPED_PACKAGE);
    }

    /** The tasks of the classes implementing {@link GenericTask} in these packages and below. */
    public static TaskCatalogue scanning(String... basePackages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(GenericTask.class));
        List<Class<? extends GenericTask>> types = new ArrayList<>();
        for (String basePackage : basePackages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                types.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), TaskCatalogue.class.getClassLoader())
                        .asSubclass(GenericTask.class));
            }
        }
        return of(types);
    }

    public static TaskCatalogue of(Collection<Class<? extends GenericTask>> types) {
        return new TaskCatalogue(types.stream().distinct().map(TaskCatalogue::entry).toList());
    }

    private static Entry entry(Class<? extends GenericTask> type) {
        TaskSpec spec = specOf(type);
        String expected = Character.toUpperCase(spec.name().charAt(0)) + spec.name().substring(1) + CLASS_SUFFIX;
        if (!type.getSimpleName().equals(expected)) {
            throw new IllegalStateException(type.getName() + " declares task " + spec.name() + ": a task class is named after its task, "
                    + expected);
        }
        return new Entry(spec, type);
    }

    private static TaskSpec specOf(Class<? extends GenericTask> type) {
        try {
            Field field = type.getDeclaredField(GenericTask.SPEC_FIELD);
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != TaskSpec.class) {
                throw new NoSuchFieldException();
            }
            field.setAccessible(true);
            TaskSpec spec = (TaskSpec) field.get(null);
            if (spec == null) {
                throw new NoSuchFieldException();
            }
            return spec;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + " is a GenericTask but declares no " + GenericTask.SPEC_FIELD
                    + ": add public static final TaskSpec " + GenericTask.SPEC_FIELD + " = TaskSpec.serviceTask(...)...build()", e);
        }
    }

    public List<TaskSpec> all() {
        return byName.values().stream().map(Entry::spec).toList();
    }

    public List<Entry> entries() {
        return List.copyOf(byName.values());
    }

    public Optional<TaskSpec> find(String name) {
        return Optional.ofNullable(byName.get(name)).map(Entry::spec);
    }

    /** The tasks an {@code llmAgent} may offer the model: read-only service tasks marked as tools. */
    public List<TaskSpec> tools() {
        return all().stream().filter(TaskSpec::isTool).toList();
    }

    @Override
    public boolean isTool(String name) {
        return find(name).map(TaskSpec::isTool).orElse(false);
    }

    public List<TaskSpec> ofKind(Kind kind) {
        return all().stream().filter(t -> t.kind() == kind).toList();
    }

    @Override
    public Optional<Kind> kind(String name) {
        return find(name).map(TaskSpec::kind);
    }

    @Override
    public Refers refers(String task, String input) {
        return find(task).flatMap(t -> t.input(input)).map(TaskInput::refers).orElse(Refers.NOTHING);
    }

    @Override
    public List<String> names(Kind kind) {
        return ofKind(kind).stream().map(TaskSpec::name).toList();
    }
}
