package io.circuitos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every default of circuitos' settings is written once, in its package's properties record: a {@code circuitos.*} key of
 * application.yaml that a record binds must change what the record holds, else it is a default written twice.
 */
class SettingsDefaultsTest {

    @Test
    void applicationYamlSetsNoCircuitosSettingToItsDefault() throws Exception {
        Map<String, Object> yaml = applicationYaml();
        List<Class<?>> records = settingsRecords();
        assertThat(records).hasSizeGreaterThanOrEqualTo(10);
        Set<String> bound = new HashSet<>();
        Map<Class<?>, Object> shipped = bindAll(records, yaml, bound);

        List<String> repeated = new ArrayList<>();
        Set<String> settings = new java.util.LinkedHashSet<>();
        yaml.keySet().forEach(key -> settings.add(key.replaceAll("\\[.*$", ""))); // a list is one setting
        for (String setting : settings) {
            boolean boundByARecord = bound.stream().anyMatch(name -> setting.equals(name) || setting.startsWith(name + "."));
            if (setting.startsWith("circuitos.") && boundByARecord) {
                Map<String, Object> without = new LinkedHashMap<>(yaml);
                without.keySet().removeIf(key -> key.equals(setting) || key.startsWith(setting + "["));
                if (bindAll(records, without, new HashSet<>()).equals(shipped)) {
                    repeated.add(setting);
                }
            }
        }
        assertThat(repeated).as("keys of application.yaml that repeat their record's default (delete them there)").isEmpty();
    }

    private static Map<Class<?>, Object> bindAll(List<Class<?>> records, Map<String, Object> properties, Set<String> bound) {
        Binder binder = new Binder(ConfigurationPropertySources.from(new MapPropertySource("application.yaml", properties)));
        AbstractBindHandler recordBound = new AbstractBindHandler() {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
                if (!(result instanceof Record)) { // a leaf, a list or a map: nested records are bound leaf by leaf
                    bound.add(name.toString());
                }
                return result;
            }
        };
        Map<Class<?>, Object> values = new LinkedHashMap<>();
        for (Class<?> record : records) {
            ConfigurationProperties annotation = record.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            values.put(record, binder.bindOrCreate(prefix, Bindable.of(record), recordBound));
        }
        return values;
    }

    private static Map<String, Object> applicationYaml() throws IOException {
        Map<String, Object> flat = new LinkedHashMap<>();
        var source = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml")).get(0);
        for (String name : source.getPropertyNames()) {
            flat.put(name, source.getProperty(name).toString());
        }
        return flat;
    }

    private static List<Class<?>> settingsRecords() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition candidate : scan.findCandidateComponents("io.circuitos")) {
            records.add(Class.forName(candidate.getBeanClassName()));
        }
        return records;
    }
}
