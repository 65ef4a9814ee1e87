package io.circuitos;

import io.circuitos.ml.MlCommands;
import io.circuitos.ml.WekaEnvironment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CircuitosApplication {

    public static void main(String[] args) {
        WekaEnvironment.init();
        if (MlCommands.handles(args)) {
            System.exit(MlCommands.run(args, System.out, System.err));
        }
        if (io.circuitos.cases.CasesCommand.handles(args)) {
            System.exit(io.circuitos.cases.CasesCommand.run(args, none -> SpringApplication.run(CircuitosApplication.class,
                    io.circuitos.cases.CasesCommand.applicationArguments()).getBean(io.circuitos.cases.CaseRunner.class), System.out, System.err));
        }
        SpringApplication.run(CircuitosApplication.class, args);
    }
}
