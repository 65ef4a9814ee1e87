-- The challengers' scores of a labelled run (scored in shadow beside the champion, never deciding), so each version is
-- compared on the same cases.
create table circuitos_outcome_score (
    process_instance_id varchar(64)  not null,
    model_name          varchar(255) not null,
    model_version       varchar(255) not null,
    probability         double precision not null,
    score               double precision,
    constraint pk_circuitos_outcome_score primary key (process_instance_id, model_version)
);
create index ix_circuitos_outcome_score_model on circuitos_outcome_score (model_name);
