package io.circuitos.tasks;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Every task of the catalogue as a bean under its task's name, the name BPMN files use: built by its
 * constructor from other beans, unless a {@code @Bean} method of that name builds it (a task that needs a
 * setting or a configured client). Fails the start when a bean of a task's name is not that task's class.
 */
public final class TaskBeans implements BeanDefinitionRegistryPostProcessor {

    private final TaskCatalogue catalogue;

    public TaskBeans(TaskCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (TaskCatalogue.Entry task : catalogue.entries()) {
            if (!registry.containsBeanDefinition(task.spec().name())) {
                RootBeanDefinition definition = new RootBeanDefinition(task.type());
                definition.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
                registry.registerBeanDefinition(task.spec().name(), definition);
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        for (TaskCatalogue.Entry task : catalogue.entries()) {
            Class<?> built = beans.getType(task.spec().name(), false);
            if (built == null || !task.type().isAssignableFrom(built)) {
                throw new IllegalStateException("bean '" + task.spec().name() + "' is " + (built == null ? "of no known type" : "a " + built.getName())
                        + ", but task " + task.spec().name() + " is " + task.type().getName()
                        + ": a @Bean method named after a task must build that task's class");
            }
        }
    }
}
