package io.circuitos.engine.sandbox;

import java.util.function.Predicate;

/**
 * What a deployment's references may name besides its own resources: shipped models, prompt ids, and
 * decisions and forms already deployed.
 */
public record ReferenceCatalog(Predicate<String> models, Predicate<String> prompts, Predicate<String> decisions,
                               Predicate<String> forms) {

    /** Checks nothing against the outside: every model, prompt, decision and form is taken to exist. */
    public static ReferenceCatalog unchecked() {
        return new ReferenceCatalog(name -> true, name -> true, key -> true, key -> true);
    }

    public ReferenceCatalog withDeployed(Predicate<String> deployedDecisions, Predicate<String> deployedForms) {
        return new ReferenceCatalog(models, prompts, deployedDecisions, deployedForms);
    }
}
