-- One row per email a process step sent: a retried job finds its row and does not send twice.
create table circuitos_sent_email (
    process_instance_id varchar(64)  not null,
    step                varchar(255) not null,
    recipient           varchar(320) not null,
    subject             varchar(1000),
    sent_at             timestamp    not null,
    constraint pk_circuitos_sent_email primary key (process_instance_id, step)
);
