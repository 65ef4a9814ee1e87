-- How each case ended, as events from the CRM, the forms and the help desk say (routes with handler run-outcome):
-- one row per run, joined to the score the run recorded, so the models can be compared on real outcomes.
create table circuitos_run_outcome (
    process_instance_id varchar(64)   not null,
    process_key         varchar(255)  not null,
    business_key        varchar(255)  not null,
    outcome             varchar(64)   not null,
    positive            boolean       not null,
    model_name          varchar(255),
    model_version       varchar(255),
    probability         double precision,
    score               double precision,
    event_type          varchar(255)  not null,
    recorded_at         timestamp     not null,
    constraint pk_circuitos_run_outcome primary key (process_instance_id)
);
create index ix_circuitos_run_outcome_model on circuitos_run_outcome (model_name, recorded_at);
